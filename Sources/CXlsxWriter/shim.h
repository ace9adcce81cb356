// Debian's libxlsxwriter-dev (`make deps` installs it when missing).
#include <xlsxwriter.h>
