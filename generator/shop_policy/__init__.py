"""shop-policy: one shop-policy file in, every cancellation, return and refund text out."""

__version__ = "0.1.0"
