"""A package so that this folder's conftest.py is imported as ``sources.conftest``: as a plain
``conftest`` it would replace tests/conftest.py for the ``from conftest import ...`` of the test
modules collected after this folder."""
