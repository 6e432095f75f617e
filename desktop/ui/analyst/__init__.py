"""Headquarters (analyst mode): testimonies across researchers, patterns, bundles in and receipts out."""
