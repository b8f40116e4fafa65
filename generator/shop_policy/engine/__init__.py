"""The site engine (mkdocs + Material): the only code that knows it."""
