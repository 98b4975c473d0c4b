from . import alumni_demo
