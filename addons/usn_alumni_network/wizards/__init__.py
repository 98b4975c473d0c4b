from . import alumni_network_state_wizard
