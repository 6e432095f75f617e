"""Replaces the contributed hook, which bundles every phonenumbers submodule.

Testimony only parses and matches numbers, so it needs the number metadata
(phonenumbers.data, .shortdata), not the geocoder, carrier or time-zone tables
(about 45 MB of Python, most of the build time). Those are also excluded in
testimony.spec.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules("phonenumbers.shortdata")
