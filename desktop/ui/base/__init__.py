"""Pieces shared by the screens: workers, plain-text labels, settings, i18n."""
