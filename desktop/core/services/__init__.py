"""The use cases: the only door the window and the command line use.

One module per concern; ``desk`` is the analyst's desk (incidents, people
across testimonies, counts, report drafts, exports). Every safety rule is
decided here, so it cannot differ between the two front ends.
"""
