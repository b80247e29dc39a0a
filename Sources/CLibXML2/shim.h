#ifndef CHRONICLE_CLIBXML2_SHIM_H
#define CHRONICLE_CLIBXML2_SHIM_H
// libxml2's headers pull in the system ICU when LIBXML_ICU_ENABLED is set, which clashes with
// Foundation's own ICU module ("'UErrorCode' has different definitions"). Chronicle uses no ICU
// feature of libxml2, so the flag is dropped before the other headers are read.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#endif
