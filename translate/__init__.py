"""Offline Vietnamese→English translation into reviewable gettext catalogues.

Data flow, one module per stage::

    sourcetext ──read──▶ segment (+ langid) ──▶ engine ──▶ catalog (pofile) ──▶ export
                                                   qa / stats read catalogues
"""

__version__ = "0.1.0"
