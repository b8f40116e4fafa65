"""shop-policy: one shop-policy file in, every cancellation, return and refund text out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("shop-policy")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
