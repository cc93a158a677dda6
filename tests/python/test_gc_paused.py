"""gc_paused switches the cyclic collector off for the block and restores its earlier state."""

from __future__ import annotations

import gc

import pytest

from privacy_curation.gc_paused import gc_paused


def test_collector_is_off_inside_and_restored_after_also_on_error():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
