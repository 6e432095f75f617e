"""The analyst's desk: incidents, people across testimonies, counts that do
not double count, report drafts and exports for the field's platforms.
Pure logic; the SQL lives in ``desktop.core.vault.desk`` and the use cases in
``desktop.core.services.desk``."""
