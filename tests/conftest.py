"""Shared fixtures: pipelines load once per test session."""
from __future__ import annotations

import pytest

import policyie


@pytest.fixture(scope="session")
def nlp():
    return policyie.load()


@pytest.fixture(scope="session")
def nlp_char():
    return policyie.load(segmenter="char")
