(the same as generator/static/toolkit.js)
