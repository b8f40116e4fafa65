"""shop-policy: one shop-policy file in, every cancellation, return and refund text out."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version comes from the package metadata, looked up only when asked for:
    # importlib.metadata costs a command tens of milliseconds to load.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("shop-policy")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(name)
