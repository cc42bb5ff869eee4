"""Where tests find data that lives outside the package.

The peers' conformance cases are vendored in tests/conformance (with their
licences); the development set and the reference scorer are not part of the
repository and are looked up in ../shared (or $POLICYIE_SHARED), so the tests
that need them skip with a reason in a checkout without them.
"""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFORMANCE = Path(__file__).resolve().parent / "conformance"
SHARED = Path(os.environ.get("POLICYIE_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "eval" / "score.py"
DEV_SET = SHARED / "eval" / "dev.jsonl"
