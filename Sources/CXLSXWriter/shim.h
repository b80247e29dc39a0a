#ifndef CHRONICLE_CXLSXWRITER_SHIM_H
#define CHRONICLE_CXLSXWRITER_SHIM_H
// libxlsxwriter (Debian libxlsxwriter-dev, Homebrew libxlsxwriter): writes chronology.xlsx.
#include <xlsxwriter.h>
#endif
