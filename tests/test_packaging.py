"""The wheel must carry every sub-package, the data files and the model."""
from pathlib import Path
import tomllib

ROOT = Path(__file__).resolve().parents[1]


def listed_packages() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(config["tool"]["setuptools"]["packages"])


def test_every_subpackage_is_listed_in_pyproject():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "policyie").rglob("__init__.py")}
    missing = found - listed_packages()
    assert not missing, f"add to [tool.setuptools] packages: {sorted(missing)}"


def test_shipped_model_is_small_enough():
    model = ROOT / "models" / "pkuseg"
    size = sum(p.stat().st_size for p in model.iterdir())
    assert 1_000_000 < size <= 15_000_000


def test_model_loads_from_the_installed_package():
    from policyie.segmenter.tokenizer import bundled_model_dir

    assert (bundled_model_dir() / "features.msgpack").is_file()
    assert (bundled_model_dir() / "weights.npz").is_file()
