"""Importing a plan from its text, Word file or PDF, and skeletons of new files.

:mod:`.sources` reads the text of a ``.txt``, ``.docx`` or ``.pdf``; :mod:`.layout` finds the
groups, measures, labelled facts and bullets in it; :mod:`.match` resolves responsibility
strings ("KRD/Husbanken/JD", "BLD i samarbeid med …") to known organisations; :mod:`.draft`
maps what was found onto the plan model (a tree of groups, numbers as written,
sub-measures, roles from the vocabulary); :mod:`.write` writes the plan, its source text,
its document entry and new organisations, checks the whole data folder and undoes
everything if the check fails. :mod:`.skeleton` writes the empty files of ``planverk new``.
"""
