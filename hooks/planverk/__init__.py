"""planverk: Norwegian strategies and action plans as validated data and site pages.

The core (load, validate, model, pages, exports) does not import MkDocs; the thin MkDocs
hook lives in ``hooks/site.py``.
"""
