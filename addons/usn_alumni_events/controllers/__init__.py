from . import main
from . import check_in
