/// The XML Schema of `chronology.xml`, embedded in the library (no resource bundle: the binary may
/// be copied elsewhere). It is written beside the XML as `chronology.xsd` on every run, and every
/// written document is validated against it.
enum ChronologySchema {
    static let fileName = "chronology.xsd"

    static let xsd = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Schema of chronology.xml written by Chronicle. Dates are ISO 8601 cut to their precision. -->
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="unqualified">

          <xs:simpleType name="partialDate">
            <xs:restriction base="xs:string">
              <xs:pattern value="[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="dayDate">
            <xs:restriction base="xs:string">
              <xs:pattern value="[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="month">
            <xs:restriction base="xs:positiveInteger">
              <xs:maxInclusive value="12"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="precision">
            <xs:restriction base="xs:string">
              <xs:enumeration value="day"/><xs:enumeration value="month"/><xs:enumeration value="year"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="partOfDay">
            <xs:restriction base="xs:string">
              <xs:enumeration value="morning"/><xs:enumeration value="afternoon"/><xs:enumeration value="evening"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="basis">
            <xs:restriction base="xs:string">
              <xs:enumeration value="explicit"/><xs:enumeration value="reference-date"/>
              <xs:enumeration value="period-year"/><xs:enumeration value="anniversary"/>
              <xs:enumeration value="context"/><xs:enumeration value="unresolved"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="kind">
            <xs:restriction base="xs:string">
              <xs:enumeration value="year-end-review"/><xs:enumeration value="mid-year-review"/>
              <xs:enumeration value="resolution-review"/><xs:enumeration value="resolution-study"/>
              <xs:enumeration value="self-criticism"/><xs:enumeration value="party-congress"/>
              <xs:enumeration value="committee-meeting"/><xs:enumeration value="other-meeting"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="role">
            <xs:restriction base="xs:string">
              <xs:enumeration value="chair"/><xs:enumeration value="directing"/><xs:enumeration value="speaker"/>
              <xs:enumeration value="attending"/><xs:enumeration value="other"/>
            </xs:restriction>
          </xs:simpleType>
          <xs:simpleType name="language">
            <xs:restriction base="xs:string">
              <xs:enumeration value="vi"/><xs:enumeration value="en"/>
            </xs:restriction>
          </xs:simpleType>

          <xs:complexType name="kindCount">
            <xs:attribute name="id" type="kind" use="required"/>
            <xs:attribute name="label" type="xs:string" use="required"/>
            <xs:attribute name="count" type="xs:positiveInteger" use="required"/>
          </xs:complexType>

          <xs:complexType name="person">
            <xs:sequence>
              <xs:element name="position" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
            <xs:attribute name="rank" type="xs:string"/>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="role" type="role"/>
          </xs:complexType>

          <xs:complexType name="event">
            <xs:sequence>
              <xs:element name="date">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="evidence" type="xs:string" minOccurs="0"/>
                  </xs:sequence>
                  <xs:attribute name="value" type="partialDate"/>
                  <xs:attribute name="precision" type="precision"/>
                  <!-- With a value: its year, its month (when known), and the first and last day it covers
                       (2022-12 starts 2022-12-01 and ends 2022-12-31), for sorting and filtering. -->
                  <xs:attribute name="year" type="xs:gYear"/>
                  <xs:attribute name="month" type="month"/>
                  <xs:attribute name="start" type="dayDate"/>
                  <xs:attribute name="end" type="dayDate"/>
                  <xs:attribute name="part-of-day" type="partOfDay"/>
                  <xs:attribute name="basis" type="basis" use="required"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="unit">
                <xs:complexType>
                  <xs:attribute name="id" type="xs:string" use="required"/>
                  <xs:attribute name="name" type="xs:string" use="required"/>
                  <xs:attribute name="mention" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
              <xs:element name="organizer" type="xs:string" minOccurs="0"/>
              <xs:element name="title" type="xs:string"/>
              <xs:element name="period" type="xs:string" minOccurs="0"/>
              <xs:element name="chair" type="person" minOccurs="0"/>
              <xs:element name="people">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="person" type="person" minOccurs="0" maxOccurs="unbounded"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="documents">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="document" minOccurs="0" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:attribute name="code" type="xs:string" use="required"/>
                        <xs:attribute name="type" type="xs:string" use="required"/>
                        <xs:attribute name="number" type="xs:string"/>
                        <xs:attribute name="issuer" type="xs:string"/>
                        <xs:attribute name="date" type="partialDate"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="credits">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="credit" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="sources">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="source" minOccurs="1" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:attribute name="path" type="xs:string" use="required"/>
                        <xs:attribute name="url" type="xs:string"/>
                        <xs:attribute name="title" type="xs:string"/>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="id" type="xs:string" use="required"/>
            <xs:attribute name="kind" type="kind" use="required"/>
            <xs:attribute name="kind-label" type="xs:string" use="required"/>
            <xs:attribute name="corrected" type="xs:boolean" use="required"/>
            <!-- The "as of" date of the run that first found the event. -->
            <xs:attribute name="first-seen" type="partialDate" use="required"/>
          </xs:complexType>

          <xs:element name="chronology">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="window">
                  <xs:complexType>
                    <xs:attribute name="from" type="dayDate" use="required"/>
                    <xs:attribute name="to" type="dayDate" use="required"/>
                  </xs:complexType>
                </xs:element>
                <xs:element name="overview">
                  <xs:complexType>
                    <xs:attribute name="events" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="units" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="undated" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="outside-window" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="articles-read" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="files-skipped" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="problems" type="xs:nonNegativeInteger" use="required"/>
                  </xs:complexType>
                </xs:element>
                <xs:element name="summary">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="by-unit">
                        <xs:complexType>
                          <xs:sequence>
                            <xs:element name="unit" minOccurs="0" maxOccurs="unbounded">
                              <xs:complexType>
                                <xs:sequence>
                                  <xs:element name="year" maxOccurs="unbounded">
                                    <xs:complexType>
                                      <xs:sequence>
                                        <xs:element name="kind" type="kindCount" maxOccurs="unbounded"/>
                                      </xs:sequence>
                                      <xs:attribute name="value" type="xs:gYear" use="required"/>
                                      <xs:attribute name="count" type="xs:positiveInteger" use="required"/>
                                    </xs:complexType>
                                  </xs:element>
                                </xs:sequence>
                                <xs:attribute name="id" type="xs:string" use="required"/>
                                <xs:attribute name="name" type="xs:string" use="required"/>
                                <xs:attribute name="count" type="xs:positiveInteger" use="required"/>
                              </xs:complexType>
                            </xs:element>
                          </xs:sequence>
                        </xs:complexType>
                      </xs:element>
                      <xs:element name="by-year">
                        <xs:complexType>
                          <xs:sequence>
                            <xs:element name="year" minOccurs="0" maxOccurs="unbounded">
                              <xs:complexType>
                                <xs:sequence>
                                  <xs:element name="kind" type="kindCount" maxOccurs="unbounded"/>
                                </xs:sequence>
                                <xs:attribute name="value" type="xs:gYear" use="required"/>
                                <xs:attribute name="count" type="xs:positiveInteger" use="required"/>
                              </xs:complexType>
                            </xs:element>
                          </xs:sequence>
                        </xs:complexType>
                      </xs:element>
                    </xs:sequence>
                  </xs:complexType>
                </xs:element>
                <xs:element name="units">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="unit" minOccurs="0" maxOccurs="unbounded">
                        <xs:complexType>
                          <xs:sequence>
                            <xs:element name="year" maxOccurs="unbounded">
                              <xs:complexType>
                                <xs:sequence>
                                  <xs:element name="event" type="event" maxOccurs="unbounded"/>
                                </xs:sequence>
                                <xs:attribute name="value" type="xs:gYear" use="required"/>
                              </xs:complexType>
                            </xs:element>
                          </xs:sequence>
                          <xs:attribute name="id" type="xs:string" use="required"/>
                          <xs:attribute name="name" type="xs:string" use="required"/>
                        </xs:complexType>
                      </xs:element>
                    </xs:sequence>
                  </xs:complexType>
                </xs:element>
                <xs:element name="undated">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="event" type="event" minOccurs="0" maxOccurs="unbounded"/>
                    </xs:sequence>
                  </xs:complexType>
                </xs:element>
                <xs:element name="problems">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="problem" minOccurs="0" maxOccurs="unbounded">
                        <xs:complexType>
                          <xs:attribute name="source" type="xs:string" use="required"/>
                          <xs:attribute name="reason" type="xs:string" use="required"/>
                          <!-- "warning": the article was read and used; something in it was not (a publication date that is not a date). -->
                          <xs:attribute name="severity" use="optional" default="error">
                            <xs:simpleType>
                              <xs:restriction base="xs:string">
                                <xs:enumeration value="error"/>
                                <xs:enumeration value="warning"/>
                              </xs:restriction>
                            </xs:simpleType>
                          </xs:attribute>
                        </xs:complexType>
                      </xs:element>
                    </xs:sequence>
                  </xs:complexType>
                </xs:element>
                <!-- Analysts' corrections that match no article or event (only when there are some). -->
                <xs:element name="unmatched-corrections" minOccurs="0">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="correction" maxOccurs="unbounded">
                        <xs:complexType>
                          <xs:attribute name="file" type="xs:string" use="required"/>
                          <xs:attribute name="key" type="xs:string" use="required"/>
                          <xs:attribute name="target" type="xs:string" use="required"/>
                        </xs:complexType>
                      </xs:element>
                    </xs:sequence>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <!-- The "as of" date of the run that last changed the document's content. -->
              <xs:attribute name="updated" type="partialDate" use="required"/>
              <xs:attribute name="language" type="language" use="required"/>
            </xs:complexType>
            <!-- An event's id is its own in the whole document, dated or undated: kept from run to run,
                 it is what corrections name. -->
            <xs:unique name="eventID">
              <xs:selector xpath="units/unit/year/event | undated/event"/>
              <xs:field xpath="@id"/>
            </xs:unique>
          </xs:element>
        </xs:schema>
        """#
}
