"""The package's modules, found by walking it (never a list kept by hand)."""

import pkgutil

import netmap


def all_modules() -> list[str]:
    """Every module of netmap, private ones included, sorted by name."""
    found = pkgutil.walk_packages(netmap.__path__, prefix="netmap.")
    return sorted(["netmap", *(info.name for info in found)])


def public_modules() -> list[str]:
    """The modules whose dotted name has no part starting with an underscore."""
    return [name for name in all_modules()
            if not any(part.startswith("_") for part in name.split("."))]
