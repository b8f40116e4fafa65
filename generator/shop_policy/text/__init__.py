"""Text: facts per locale, the template environment, catalogs, placeholders, layout."""
