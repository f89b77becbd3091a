"""The tagger's compiled module (extract/tagger/token_structs.pyx). It reads spaCy's C structs, so it
is built against the spaCy installed beside it: install with ``pip install --no-build-isolation``
after requirements.txt (``make install`` does)."""
import numpy
from Cython.Build import cythonize
from setuptools import setup

setup(ext_modules=cythonize(["extract/tagger/token_structs.pyx"]), include_dirs=[numpy.get_include()])
