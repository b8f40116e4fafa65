"""The output kinds, one module each; `registry` lists them."""
