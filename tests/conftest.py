from __future__ import annotations

import pytest

from marsad.lexicon import Resources, load_resources
from marsad.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline.load()


@pytest.fixture(scope="session")
def resources(pipeline: Pipeline) -> Resources:
    return pipeline.resources


@pytest.fixture(scope="session")
def fresh_resources() -> Resources:
    return load_resources()
