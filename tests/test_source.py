"""Reading the policy's bytes: a byte order mark is dropped, a bad byte is located."""

from __future__ import annotations

from pathlib import Path

import pytest

from shop_policy.errors import PolicyError
from shop_policy.read.source import MAX_BYTES, decode, read_bytes


def test_a_byte_order_mark_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfshop:\n  name: x\n", "p.yaml") == "shop:\n  name: x\n"


@pytest.mark.parametrize("mark", [b"", b"\xef\xbb\xbf"])
def test_a_byte_that_is_not_utf8_is_located_after_a_mark_too(mark: bytes) -> None:
    with pytest.raises(PolicyError) as error:
        decode(mark + b"shop:\n  name: Caf\xe9\n", "p.yaml")
    assert str(error.value) == ("p.yaml:2:12: file: is not UTF-8 text (byte 0xe9); save the "
                                "file as UTF-8")


def test_a_file_is_read_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "policy.yaml"
    path.write_bytes(b"x" * MAX_BYTES)
    assert len(read_bytes(path)) == MAX_BYTES
    path.write_bytes(b"x" * (MAX_BYTES + 1))
    with pytest.raises(PolicyError, match="more than the 1,000,000"):
        read_bytes(path)
