"""Every kind of output, in one registry: the pipeline renders each of them, and `check`
walks the same list to prove what the buyer-facing ones state.

Adding a kind means one module with a `files(ctx)` function, its templates, and one
line here.
"""

from __future__ import annotations

from shop_policy.engine.theme import override_files
from shop_policy.outputs import (
    brand,
    email,
    embed,
    expanders,
    exports,
    redirect,
    replies,
    site,
    toolkit,
)
from shop_policy.outputs.kinds import Context, Files, Output


def _default_look(ctx: Context) -> Files:
    """The packaged mkdocs.yml, for a project that has none of its own."""
    yield from ctx.base_files.items()


OUTPUTS: tuple[Output, ...] = (
    Output("policy pages", "site_src", site.pages, checked=True),
    Output("every version of the policy", "site_src", site.versions),
    Output("public site config", "site_src", site.config),
    Output("theme overrides", "site_src", override_files, per_locale=False),
    Output("shop's colours and logo", "site_src", brand.files),
    Output("default look", "site_src", _default_look, per_locale=False),
    Output("public site's front door", "site", redirect.files, per_locale=False),
    Output("public site's page for unknown addresses", "site", redirect.not_found,
           per_locale=False),
    Output("replies", "snippets", replies.files, checked=True),
    Output("order-confirmation email", "snippets", email.files, checked=True),
    Output("embeddable copy of the policy", "snippets", embed.files, checked=True),
    Output("help-desk exports", "snippets", exports.files),
    Output("text-expander exports", "snippets", expanders.files),
    Output("seller toolkit", "site_src", toolkit.files, checked=True),
    Output("seller toolkit config", "site_src", toolkit.config),
    Output("seller toolkit's front door", "toolkit", redirect.toolkit_files,
           per_locale=False),
)


