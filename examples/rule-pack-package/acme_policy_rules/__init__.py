"""ACME's policyie rules.  The entry point names :func:`pack`, which returns the
pack file inside the installed package (so it works from wheels and zips too)."""
from importlib import resources


def pack():
    return resources.files(__name__) / "pack.jsonl"
