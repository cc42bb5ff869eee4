import pytest

from policyie.regions import RegionTagger


@pytest.fixture(scope="session")
def tagger():
    return RegionTagger.default()
