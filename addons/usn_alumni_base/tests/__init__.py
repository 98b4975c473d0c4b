from . import test_install
from . import test_lifecycle_stage
from . import test_constraints
from . import test_consent
from . import test_security
from . import test_performance
from . import test_ui
