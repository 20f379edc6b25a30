import type { Messages } from '../catalog.ts';

const ar: Messages = {
  siteTitle: 'سجلّ شبكة Union Migrant Net',
  siteTagline: 'مبادرات الاقتصاد الاجتماعي والتضامني التي يقودها مهاجرون في المدن الأوروبية',
  skipToContent: 'الانتقال إلى المحتوى الرئيسي',
  languageSwitcherLabel: 'اللغة',
  cityInCountry: '{city}، {country}',
  figuresHeading: 'بالأرقام',
  initiativesCount: 'المبادرات',
  goodPracticesCount: 'الممارسات الجيدة',
  initiativesHeading: 'مبادرات السجلّ',
  initiativesShown: '{shown} من أصل {total}، بالترتيب الأبجدي',
  initiativesEmpty: 'لم تُنشر أي مبادرة بعد.',
  sectorLabel: 'القطاع',
  locationLabel: 'المكان',
  partnersHeading: 'المدن الشريكة',
  partnersEmpty: 'لا تُعرف أي مدينة شريكة بعد.',
  nodeStatusOnline: 'السجلّ يعمل',
  nodeStatusPlanned: 'السجلّ قيد الإعداد',
  fallbackMarker: '(باللغة {language})',
  footerText: 'سجلّ اتحادي لمبادرات الاقتصاد الاجتماعي والتضامني التي يقودها مهاجرون في المدن الأوروبية.',
  errorNotFoundTitle: 'الصفحة غير موجودة',
  errorNotFoundText: 'هذه الصفحة غير موجودة أو لم تعد متاحة.',
  errorServerTitle: 'حدث خطأ',
  errorServerText: 'تعذّر عرض الصفحة. يُرجى المحاولة مرة أخرى بعد قليل.',
  errorBackHome: 'العودة إلى الصفحة الرئيسية',
  errorStatus: 'خطأ {status}',
};

export default ar;
