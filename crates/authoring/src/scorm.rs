//! A SCORM 1.2 package's manifest (imsmanifest.xml) for one question set: one organization, one item, one SCO that launches the quiz on the set; `quizcheck scorm` zips it with the app.
//!
//! What an LMS needs to import the package (IMS Content Packaging 1.1.2 with ADL's SCORM 1.2
//! extensions): the manifest's metadata saying "ADL SCORM" 1.2, a default organization whose
//! item points at a resource of `adlcp:scormtype="sco"`, the launch page as its `href`, and every
//! file of the package listed. Identifiers are XML IDs: they start with a letter.

use credo_core::model::QuestionSet;

/// The page the LMS opens: the quiz on this set, without the app's own navigation (the LMS is it).
fn launch(set: &QuestionSet) -> String {
    format!("index.html?set={}&embed=1", set.id())
}

/// imsmanifest.xml for `set`, listing `files` (paths inside the package, with `/`).
pub fn imsmanifest(set: &QuestionSet, files: &[String]) -> String {
    let id = set.id();
    let title = xml(set.title());
    let listed: String = files.iter().map(|f| format!("      <file href=\"{}\"/>\n", xml(f))).collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="credo-quiz-{id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="ORG-{id}">
    <organization identifier="ORG-{id}">
      <title>{title}</title>
      <item identifier="ITEM-{id}" identifierref="RES-{id}" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>{pass}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-{id}" type="webcontent" adlcp:scormtype="sco" href="{href}">
{listed}    </resource>
  </resources>
</manifest>
"#,
        pass = set.pass_mark(),
        href = xml(&launch(set)),
    )
}

/// Text and attribute values escaped for XML.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
