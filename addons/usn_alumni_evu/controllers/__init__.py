from . import main
from . import mailing
