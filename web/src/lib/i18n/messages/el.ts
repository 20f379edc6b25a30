import type { Messages } from '../catalog.ts';

const el: Messages = {
  siteTitle: 'Μητρώο Union Migrant Net',
  siteTagline: 'Πρωτοβουλίες κοινωνικής και αλληλέγγυας οικονομίας με επικεφαλής μετανάστες στις ευρωπαϊκές πόλεις',
  skipToContent: 'Μετάβαση στο κύριο περιεχόμενο',
  languageSwitcherLabel: 'Γλώσσα',
  cityInCountry: '{city}, {country}',
  figuresHeading: 'Σε αριθμούς',
  initiativesCount: 'Πρωτοβουλίες',
  goodPracticesCount: 'Καλές πρακτικές',
  initiativesHeading: 'Πρωτοβουλίες του μητρώου',
  initiativesShown: '{shown} από {total}, με αλφαβητική σειρά',
  initiativesEmpty: 'Δεν έχει δημοσιευτεί ακόμη καμία πρωτοβουλία.',
  sectorLabel: 'Τομέας',
  locationLabel: 'Τοποθεσία',
  partnersHeading: 'Συνεργαζόμενες πόλεις',
  partnersEmpty: 'Δεν είναι ακόμη γνωστή καμία συνεργαζόμενη πόλη.',
  nodeStatusOnline: 'μητρώο σε λειτουργία',
  nodeStatusPlanned: 'μητρώο υπό σχεδιασμό',
  fallbackMarker: '(στα {language})',
  footerText: 'Ένα ομοσπονδιακό μητρώο πρωτοβουλιών κοινωνικής και αλληλέγγυας οικονομίας με επικεφαλής μετανάστες, στις ευρωπαϊκές πόλεις.',
  errorNotFoundTitle: 'Η σελίδα δεν βρέθηκε',
  errorNotFoundText: 'Αυτή η σελίδα δεν υπάρχει ή δεν υπάρχει πλέον.',
  errorServerTitle: 'Παρουσιάστηκε σφάλμα',
  errorServerText: 'Δεν ήταν δυνατή η εμφάνιση της σελίδας. Δοκιμάστε ξανά σε λίγο.',
  errorBackHome: 'Επιστροφή στην αρχική σελίδα',
  errorStatus: 'Σφάλμα {status}',
};

export default el;
