from . import normalize
from . import spreadsheet
