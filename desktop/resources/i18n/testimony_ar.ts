<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>AnalystRecordView</name>
    <message>
        <source>← Testimonies</source>
        <translation>→ الشهادات</translation>
    </message>
    <message>
        <source>Back to the testimonies</source>
        <translation>العودة إلى الشهادات</translation>
    </message>
    <message>
        <source>Origin of each revision</source>
        <translation>مصدر كل نسخة</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Linked testimonies</source>
        <translation>الشهادات المرتبطة</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>النسخة</translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation>الباحث</translation>
    </message>
    <message>
        <source>Device fingerprint</source>
        <translation>بصمة الجهاز</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Field revision</source>
        <translation>النسخة الميدانية</translation>
    </message>
    <message>
        <source>from {who}, device {device}</source>
        <translation>من {who}، الجهاز {device}</translation>
    </message>
    <message>
        <source>researcher not named</source>
        <translation>باحث غير مسمّى</translation>
    </message>
    <message>
        <source>(not sent to headquarters)</source>
        <translation>(لم تُرسَل إلى المقر)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Interview type</source>
        <translation>نوع المقابلة</translation>
    </message>
    <message>
        <source>Same incident</source>
        <translation>الحادثة نفسها</translation>
    </message>
    <message>
        <source>Same victim</source>
        <translation>الضحية نفسها</translation>
    </message>
    <message>
        <source>Links ({n})</source>
        <translation>الروابط ({n})</translation>
    </message>
</context>
<context>
    <name>AnalystScreen</name>
    <message>
        <source>Main actions</source>
        <translation>الإجراءات الرئيسية</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>الأنماط</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>مكتب التحليل</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>استيراد حزمة…</translation>
    </message>
    <message>
        <source>Write receipt…</source>
        <translation>كتابة إيصال…</translation>
    </message>
    <message>
        <source>Export CSV/JSON…</source>
        <translation>تصدير CSV/JSON…</translation>
    </message>
    <message>
        <source>Recipient card…</source>
        <translation>بطاقة المستلم…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Quick wipe…</source>
        <translation>مسح سريع…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Headquarters: {org} · card fingerprint {fp}</source>
        <translation>المقر: {org} · بصمة البطاقة {fp}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Export all testimonies</source>
        <translation>تصدير كل الشهادات</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (*.csv);;JSON (*.json)</source>
        <translation>CSV لجداول البيانات (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>{n} testimonies exported to {path} (identities not included).</source>
        <translation>صُدّرت {n} شهادة إلى {path} (من دون الهويات).</translation>
    </message>
</context>
<context>
    <name>AnswersFormat</name>
    <message>
        <source>early</source>
        <translation>أوائل</translation>
    </message>
    <message>
        <source>middle of</source>
        <translation>منتصف</translation>
    </message>
    <message>
        <source>late</source>
        <translation>أواخر</translation>
    </message>
    <message>
        <source>between {a} and {b}</source>
        <translation>بين {a} و{b}</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Agrees</source>
        <translation>يوافق</translation>
    </message>
    <message>
        <source>Does not agree</source>
        <translation>لا يوافق</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>صباحاً</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>بعد الظهر</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>مساءً</translation>
    </message>
    <message>
        <source>night</source>
        <translation>ليلاً</translation>
    </message>
</context>
<context>
    <name>ApproxDateEditor</name>
    <message>
        <source>— not answered —</source>
        <translation>— بلا إجابة —</translation>
    </message>
    <message>
        <source>Exact day</source>
        <translation>يوم محدد</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Part of a month</source>
        <translation>جزء من شهر</translation>
    </message>
    <message>
        <source>Year only</source>
        <translation>السنة فقط</translation>
    </message>
    <message>
        <source>Between two dates</source>
        <translation>بين تاريخين</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation>دقة التاريخ</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>السنة</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Part of the month</source>
        <translation>جزء الشهر</translation>
    </message>
    <message>
        <source>early</source>
        <translation>أوائل</translation>
    </message>
    <message>
        <source>middle of</source>
        <translation>منتصف</translation>
    </message>
    <message>
        <source>late</source>
        <translation>أواخر</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <source>Type a whole date, year-month-day (for example {example}).</source>
        <translation>اكتب التاريخ كاملاً: السنة-الشهر-اليوم (مثلاً {example}).</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>هذا التاريخ في المستقبل.</translation>
    </message>
    <message>
        <source>January</source>
        <translation>كانون الثاني</translation>
    </message>
    <message>
        <source>February</source>
        <translation>شباط</translation>
    </message>
    <message>
        <source>March</source>
        <translation>آذار</translation>
    </message>
    <message>
        <source>April</source>
        <translation>نيسان</translation>
    </message>
    <message>
        <source>May</source>
        <translation>أيار</translation>
    </message>
    <message>
        <source>June</source>
        <translation>حزيران</translation>
    </message>
    <message>
        <source>July</source>
        <translation>تموز</translation>
    </message>
    <message>
        <source>August</source>
        <translation>آب</translation>
    </message>
    <message>
        <source>September</source>
        <translation>أيلول</translation>
    </message>
    <message>
        <source>October</source>
        <translation>تشرين الأول</translation>
    </message>
    <message>
        <source>November</source>
        <translation>تشرين الثاني</translation>
    </message>
    <message>
        <source>December</source>
        <translation>كانون الأول</translation>
    </message>
</context>
<context>
    <name>AttachmentFieldEditor</name>
    <message>
        <source>Add files in the Attachments panel first.</source>
        <translation>أضف الملفات أولاً في لوحة المرفقات.</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— لا شيء —</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>الملفات المرفقة</translation>
    </message>
    <message>
        <source>Drop photos, audio, video or documents here.</source>
        <translation>أفلت هنا الصور أو التسجيلات الصوتية أو الفيديو أو المستندات.</translation>
    </message>
    <message>
        <source>Encrypting</source>
        <translation>جارٍ التشفير</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancel encrypting</source>
        <translation>إلغاء التشفير</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Remove the selected attachment</source>
        <translation>إزالة المرفق المحدد</translation>
    </message>
    <message>
        <source>Delete the originals</source>
        <translation>حذف الملفات الأصلية</translation>
    </message>
    <message>
        <source>Delete the original files from this computer</source>
        <translation>حذف الملفات الأصلية من هذا الحاسوب</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>الإبقاء عليها</translation>
    </message>
    <message>
        <source>Add files to the interview</source>
        <translation>إضافة ملفات إلى المقابلة</translation>
    </message>
    <message>
        <source>Encrypting {name}…</source>
        <translation>جارٍ تشفير {name}…</translation>
    </message>
    <message>
        <source>{name} encrypted and added.</source>
        <translation>شُفّر {name} وأُضيف.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was stored.</source>
        <translation>أُلغي؛ لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>و{n} غيرها</translation>
    </message>
    <message>
        <source>The vault now holds an encrypted copy. The original files are still on this computer: {names}. Delete them? They are overwritten and removed, but on SSDs, USB sticks and memory cards deleting does not reliably erase: copies of the data can remain on the chip until it is reused. Only full-disk encryption protects against that.</source>
        <translation>أصبحت في الخزنة نسخة مشفّرة. لكن الملفات الأصلية ما زالت على هذا الحاسوب: {names}. هل تريد حذفها؟ ستُكتب فوقها ثم تُحذف، لكن الحذف على أقراص SSD ووحدات USB وبطاقات الذاكرة لا يمحو البيانات بشكل موثوق: قد تبقى نسخ منها على الشريحة حتى يُعاد استخدامها. ولا يحمي من ذلك إلا تشفير القرص بالكامل.</translation>
    </message>
    <message>
        <source>The original files were deleted from this computer.</source>
        <translation>حُذفت الملفات الأصلية من هذا الحاسوب.</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>البيانات الوصفية</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>ما أُزيل</translation>
    </message>
    <message>
        <source>Cleaning report…</source>
        <translation>تقرير التنظيف…</translation>
    </message>
    <message>
        <source>Show the cleaning report of the selected file</source>
        <translation>عرض تقرير تنظيف الملف المحدد</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>حفظ نسخة…</translation>
    </message>
    <message>
        <source>Save a decrypted copy of the selected file</source>
        <translation>حفظ نسخة مفكوكة التشفير من الملف المحدد</translation>
    </message>
    <message>
        <source>Hide faces…</source>
        <translation>إخفاء الوجوه…</translation>
    </message>
    <message>
        <source>Find and hide faces in the selected photo or video</source>
        <translation>البحث عن الوجوه وإخفاؤها في الصورة أو الفيديو المحدد</translation>
    </message>
    <message>
        <source>Select an image to preview it (decrypted in memory only).</source>
        <translation>اختر صورة لمعاينتها (تُفكّ في الذاكرة فقط).</translation>
    </message>
    <message>
        <source>This file is marked identifying: no preview until you reveal this record.</source>
        <translation>هذا الملف مُعلَّم بأنه يكشف الهوية: لا معاينة قبل أن تكشف هذا السجل.</translation>
    </message>
    <message>
        <source>No preview for this kind of file.</source>
        <translation>لا معاينة لهذا النوع من الملفات.</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>جارٍ فك التشفير…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>لا يمكن عرض هذه الصورة.</translation>
    </message>
</context>
<context>
    <name>BooleanEditor</name>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Recipient card</source>
        <translation>بطاقة المستلم</translation>
    </message>
    <message>
        <source>Headquarters recipient card</source>
        <translation>بطاقة المستلم في المقر</translation>
    </message>
    <message>
        <source>Researchers encrypt their bundles to this card. Give them the card file, then read this fingerprint to them (or compare it on paper): it must match the one their laptop shows.</source>
        <translation>يشفّر الباحثون حزمهم لهذه البطاقة. أعطهم ملف البطاقة، ثم اقرأ لهم هذه البصمة (أو قارنها على الورق): يجب أن تطابق البصمة التي يعرضها حاسوبهم.</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>المنظمة:</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>البصمة:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Save recipient card…</source>
        <translation>حفظ بطاقة المستلم…</translation>
    </message>
    <message>
        <source>Save the recipient card</source>
        <translation>حفظ بطاقة المستلم</translation>
    </message>
    <message>
        <source>Recipient cards (*.json)</source>
        <translation>بطاقات المستلم (*.json)</translation>
    </message>
    <message>
        <source>Card saved to {path}.</source>
        <translation>حُفظت البطاقة في {path}.</translation>
    </message>
</context>
<context>
    <name>CleaningReportDialog</name>
    <message>
        <source>Cleaning report</source>
        <translation>تقرير التنظيف</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>الحالة: {status}</translation>
    </message>
    <message>
        <source>Cleaning status</source>
        <translation>حالة التنظيف</translation>
    </message>
    <message>
        <source>How: {method}</source>
        <translation>الطريقة: {method}</translation>
    </message>
    <message>
        <source>The copy is {new} (the original is {old}).</source>
        <translation>النسخة من نوع {new} (الأصل من نوع {old}).</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>ما عُثر عليه</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>ما أُزيل</translation>
    </message>
    <message>
        <source>Could not be removed</source>
        <translation>ما تعذّرت إزالته</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>للعلم</translation>
    </message>
    <message>
        <source>Why there is no cleaned copy</source>
        <translation>لماذا لا توجد نسخة منظّفة</translation>
    </message>
    <message>
        <source>No metadata was found; the file was rebuilt anyway, so nothing hidden in it could come along.</source>
        <translation>لم يُعثر على بيانات وصفية؛ ومع ذلك أُعيد بناء الملف، فلا يمكن أن ينتقل معه شيء مخفي فيه.</translation>
    </message>
</context>
<context>
    <name>CleaningWords</name>
    <message>
        <source>EXIF GPS position</source>
        <translation>موقع GPS في بيانات EXIF</translation>
    </message>
    <message>
        <source>camera make and model</source>
        <translation>الشركة المصنّعة للكاميرا وطرازها</translation>
    </message>
    <message>
        <source>EXIF orientation</source>
        <translation>اتجاه الصورة في EXIF</translation>
    </message>
    <message>
        <source>maker notes</source>
        <translation>ملاحظات الشركة المصنّعة</translation>
    </message>
    <message>
        <source>EXIF dates and times</source>
        <translation>التواريخ والأوقات في EXIF</translation>
    </message>
    <message>
        <source>camera serial numbers</source>
        <translation>الأرقام التسلسلية للكاميرا</translation>
    </message>
    <message>
        <source>owner, artist or copyright</source>
        <translation>المالك أو المصوّر أو حقوق النشر</translation>
    </message>
    <message>
        <source>software name</source>
        <translation>اسم البرنامج</translation>
    </message>
    <message>
        <source>embedded thumbnail</source>
        <translation>صورة مصغّرة مضمّنة</translation>
    </message>
    <message>
        <source>EXIF</source>
        <translation>EXIF</translation>
    </message>
    <message>
        <source>XMP</source>
        <translation>XMP</translation>
    </message>
    <message>
        <source>IPTC / Photoshop data</source>
        <translation>بيانات IPTC / فوتوشوب</translation>
    </message>
    <message>
        <source>ICC colour profile</source>
        <translation>ملف تعريف الألوان ICC</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <source>PNG text chunks</source>
        <translation>مقاطع نصية في PNG</translation>
    </message>
    <message>
        <source>container tags</source>
        <translation>وسوم الحاوية</translation>
    </message>
    <message>
        <source>video stream tags</source>
        <translation>وسوم مسار الفيديو</translation>
    </message>
    <message>
        <source>audio stream tags</source>
        <translation>وسوم مسار الصوت</translation>
    </message>
    <message>
        <source>embedded cover picture</source>
        <translation>صورة غلاف مضمّنة</translation>
    </message>
    <message>
        <source>data track</source>
        <translation>مسار بيانات</translation>
    </message>
    <message>
        <source>subtitle track</source>
        <translation>مسار ترجمة</translation>
    </message>
    <message>
        <source>data after the last audio frame</source>
        <translation>بيانات بعد آخر إطار صوتي</translation>
    </message>
    <message>
        <source>data that is not audio between or after frames</source>
        <translation>بيانات ليست صوتاً بين الإطارات أو بعدها</translation>
    </message>
    <message>
        <source>document information</source>
        <translation>معلومات المستند</translation>
    </message>
    <message>
        <source>XMP metadata</source>
        <translation>بيانات XMP الوصفية</translation>
    </message>
    <message>
        <source>embedded file attachments</source>
        <translation>ملفات مرفقة مضمّنة</translation>
    </message>
    <message>
        <source>document JavaScript</source>
        <translation>جافاسكربت في المستند</translation>
    </message>
    <message>
        <source>JavaScript actions</source>
        <translation>إجراءات جافاسكربت</translation>
    </message>
    <message>
        <source>open action</source>
        <translation>إجراء عند الفتح</translation>
    </message>
    <message>
        <source>document actions</source>
        <translation>إجراءات المستند</translation>
    </message>
    <message>
        <source>bookmarks</source>
        <translation>الإشارات المرجعية</translation>
    </message>
    <message>
        <source>form fields</source>
        <translation>حقول النماذج</translation>
    </message>
    <message>
        <source>structure tree</source>
        <translation>شجرة البنية</translation>
    </message>
    <message>
        <source>page labels</source>
        <translation>تسميات الصفحات</translation>
    </message>
    <message>
        <source>layer names</source>
        <translation>أسماء الطبقات</translation>
    </message>
    <message>
        <source>annotations</source>
        <translation>التعليقات التوضيحية</translation>
    </message>
    <message>
        <source>page metadata, actions or thumbnails on</source>
        <translation>بيانات وصفية أو إجراءات أو صور مصغّرة للصفحات في</translation>
    </message>
    <message>
        <source>pdfTeX keys with source file paths</source>
        <translation>مفاتيح pdfTeX فيها مسارات الملفات الأصلية</translation>
    </message>
    <message>
        <source>piece info</source>
        <translation>بيانات التطبيق الخاصة (PieceInfo)</translation>
    </message>
    <message>
        <source>XMP metadata on objects</source>
        <translation>بيانات XMP الوصفية في الكائنات</translation>
    </message>
    <message>
        <source>EXIF or other metadata inside</source>
        <translation>بيانات EXIF أو بيانات وصفية أخرى داخل</translation>
    </message>
    <message>
        <source>core properties</source>
        <translation>الخصائص الأساسية</translation>
    </message>
    <message>
        <source>application properties</source>
        <translation>خصائص التطبيق</translation>
    </message>
    <message>
        <source>custom properties</source>
        <translation>خصائص مخصّصة</translation>
    </message>
    <message>
        <source>document metadata</source>
        <translation>البيانات الوصفية للمستند</translation>
    </message>
    <message>
        <source>application settings</source>
        <translation>إعدادات التطبيق</translation>
    </message>
    <message>
        <source>list of editors</source>
        <translation>قائمة المحرّرين</translation>
    </message>
    <message>
        <source>comment authors</source>
        <translation>كاتبو التعليقات</translation>
    </message>
    <message>
        <source>thumbnail</source>
        <translation>صورة مصغّرة</translation>
    </message>
    <message>
        <source>custom XML data</source>
        <translation>بيانات XML مخصّصة</translation>
    </message>
    <message>
        <source>revision session ids</source>
        <translation>معرّفات جلسات التحرير</translation>
    </message>
    <message>
        <source>tracked deletions</source>
        <translation>الحذف المتعقَّب</translation>
    </message>
    <message>
        <source>tracked insertions</source>
        <translation>الإضافات المتعقَّبة</translation>
    </message>
    <message>
        <source>tracked moves</source>
        <translation>النقل المتعقَّب</translation>
    </message>
    <message>
        <source>tracked change marks</source>
        <translation>علامات التغييرات المتعقَّبة</translation>
    </message>
    <message>
        <source>tracked changes</source>
        <translation>التغييرات المتعقَّبة</translation>
    </message>
    <message>
        <source>authors and initials of comments and changes</source>
        <translation>أسماء كاتبي التعليقات والتغييرات وأحرفهم الأولى</translation>
    </message>
    <message>
        <source>authors and dates of comments</source>
        <translation>كاتبو التعليقات وتواريخها</translation>
    </message>
    <message>
        <source>dates of comments and changes</source>
        <translation>تواريخ التعليقات والتغييرات</translation>
    </message>
    <message>
        <source>image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>تسجيل صوتي</translation>
    </message>
    <message>
        <source>video</source>
        <translation>فيديو</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>document</source>
        <translation>مستند</translation>
    </message>
    <message>
        <source>other file</source>
        <translation>ملف آخر</translation>
    </message>
    <message>
        <source>cleaned</source>
        <translation>نُظّف</translation>
    </message>
    <message>
        <source>partly cleaned (not sent by default)</source>
        <translation>نُظّف جزئياً (لا يُرسَل افتراضياً)</translation>
    </message>
    <message>
        <source>not cleaned (not sent by default)</source>
        <translation>لم يُنظّف (لا يُرسَل افتراضياً)</translation>
    </message>
    <message>
        <source>removed: {items}</source>
        <translation>أُزيل: {items}</translation>
    </message>
    <message>
        <source>no metadata found; rebuilt anyway</source>
        <translation>لم تُعثر على بيانات وصفية؛ أُعيد بناؤه على أي حال</translation>
    </message>
    <message>
        <source>faces hidden in the video</source>
        <translation>الوجوه مخفية في الفيديو</translation>
    </message>
    <message>
        <source>{n} face(s) hidden</source>
        <translation>أُخفي {n} وجه</translation>
    </message>
    <message>
        <source>left in: {items}</source>
        <translation>بقي فيه: {items}</translation>
    </message>
</context>
<context>
    <name>ConsentEditor</name>
    <message>
        <source>Agrees</source>
        <translation>يوافق</translation>
    </message>
    <message>
        <source>Does not agree</source>
        <translation>لا يوافق</translation>
    </message>
</context>
<context>
    <name>CustodyText</name>
    <message>
        <source>record created</source>
        <translation>أُنشئ السجل</translation>
    </message>
    <message>
        <source>new revision</source>
        <translation>نسخة جديدة</translation>
    </message>
    <message>
        <source>identifying details revealed</source>
        <translation>كُشفت التفاصيل المُعرِّفة</translation>
    </message>
    <message>
        <source>attachment imported</source>
        <translation>استُورد مرفق</translation>
    </message>
    <message>
        <source>redaction reviewed</source>
        <translation>رُوجع الحجب</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>صُدّر</translation>
    </message>
    <message>
        <source>identities destroyed</source>
        <translation>أُتلفت الهويات</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>رُبط</translation>
    </message>
    <message>
        <source>received from the field</source>
        <translation>وصل من الميدان</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>حُذف</translation>
    </message>
    <message>
        <source>form</source>
        <translation>الاستمارة</translation>
    </message>
    <message>
        <source>version</source>
        <translation>الإصدار</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>researcher</source>
        <translation>الباحث</translation>
    </message>
    <message>
        <source>via</source>
        <translation>عبر</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>linked to</source>
        <translation>مرتبط بـ</translation>
    </message>
    <message>
        <source>link</source>
        <translation>الربط</translation>
    </message>
    <message>
        <source>attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>المرفق</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>records</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>الوضع</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>النافذة</translation>
    </message>
    <message>
        <source>editing in the window</source>
        <translation>التعديل في النافذة</translation>
    </message>
    <message>
        <source>the command line</source>
        <translation>سطر الأوامر</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>no</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Choose on a calendar</source>
        <translation>اختر من التقويم</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>التقويم</translation>
    </message>
</context>
<context>
    <name>Desk</name>
    <message>
        <source>{n} independent source</source>
        <translation>{n} من المصادر المستقلة</translation>
    </message>
    <message>
        <source>{n} independent sources</source>
        <translation>{n} من المصادر المستقلة</translation>
    </message>
    <message>
        <source>{n} testimony</source>
        <translation>{n} من الشهادات</translation>
    </message>
    <message>
        <source>{n} testimonies</source>
        <translation>{n} من الشهادات</translation>
    </message>
    <message>
        <source>{n} device</source>
        <translation>{n} من الأجهزة</translation>
    </message>
    <message>
        <source>{n} devices</source>
        <translation>{n} من الأجهزة</translation>
    </message>
    <message>
        <source>{n} researcher</source>
        <translation>{n} من الباحثين</translation>
    </message>
    <message>
        <source>{n} researchers</source>
        <translation>{n} من الباحثين</translation>
    </message>
    <message>
        <source>{n} victim</source>
        <translation>الضحايا: {n}</translation>
    </message>
    <message>
        <source>{n} victims</source>
        <translation>الضحايا: {n}</translation>
    </message>
    <message>
        <source>same type of act</source>
        <translation>نوع الفعل نفسه</translation>
    </message>
    <message>
        <source>similar type of act</source>
        <translation>نوع فعل مشابه</translation>
    </message>
    <message>
        <source>same place</source>
        <translation>المكان نفسه</translation>
    </message>
    <message>
        <source>same neighbourhood</source>
        <translation>الحي نفسه</translation>
    </message>
    <message>
        <source>overlapping dates</source>
        <translation>تواريخ متداخلة</translation>
    </message>
    <message>
        <source>same day</source>
        <translation>اليوم نفسه</translation>
    </message>
    <message>
        <source>date known only roughly</source>
        <translation>التاريخ معروف تقريبياً فقط</translation>
    </message>
    <message>
        <source>names match (compared, not shown)</source>
        <translation>الأسماء متطابقة (قورنت ولا تُعرض)</translation>
    </message>
    <message>
        <source>same status</source>
        <translation>الحالة نفسها</translation>
    </message>
    <message>
        <source>a later status of the same person</source>
        <translation>حالة لاحقة للشخص نفسه</translation>
    </message>
    <message>
        <source>same incident</source>
        <translation>الحادثة نفسها</translation>
    </message>
    <message>
        <source>same sex</source>
        <translation>الجنس نفسه</translation>
    </message>
    <message>
        <source>ages agree</source>
        <translation>الأعمار متوافقة</translation>
    </message>
    <message>
        <source>same force</source>
        <translation>القوة نفسها</translation>
    </message>
    <message>
        <source>unit named alike</source>
        <translation>اسم الوحدة متشابه</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>eyewitness</source>
        <translation>شاهد عيان</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>ضحية</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>قريب</translation>
    </message>
    <message>
        <source>medical worker</source>
        <translation>عامل طبي</translation>
    </message>
    <message>
        <source>aid volunteer</source>
        <translation>متطوع إغاثة</translation>
    </message>
    <message>
        <source>researcher's observation</source>
        <translation>ملاحظة الباحث</translation>
    </message>
    <message>
        <source>footage</source>
        <translation>تسجيل مصوّر</translation>
    </message>
    <message>
        <source>other source</source>
        <translation>مصدر آخر</translation>
    </message>
    <message>
        <source>{n} eyewitness</source>
        <translation>{n} شاهد عيان</translation>
    </message>
    <message>
        <source>{n} eyewitnesses</source>
        <translation>{n} من شهود العيان</translation>
    </message>
    <message>
        <source>{n} victim interviewed</source>
        <translation>{n} ضحية</translation>
    </message>
    <message>
        <source>{n} victims interviewed</source>
        <translation>{n} من الضحايا</translation>
    </message>
    <message>
        <source>{n} relative</source>
        <translation>{n} قريب</translation>
    </message>
    <message>
        <source>{n} relatives</source>
        <translation>{n} من الأقارب</translation>
    </message>
    <message>
        <source>{n} medical worker</source>
        <translation>{n} عامل طبي</translation>
    </message>
    <message>
        <source>{n} medical workers</source>
        <translation>{n} من العاملين الطبيين</translation>
    </message>
    <message>
        <source>{n} aid volunteer</source>
        <translation>{n} متطوع إغاثة</translation>
    </message>
    <message>
        <source>{n} aid volunteers</source>
        <translation>{n} من متطوعي الإغاثة</translation>
    </message>
    <message>
        <source>{n} researcher's observation</source>
        <translation>{n} ملاحظة للباحث</translation>
    </message>
    <message>
        <source>{n} researcher's observations</source>
        <translation>{n} من ملاحظات الباحثين</translation>
    </message>
    <message>
        <source>{n} footage review</source>
        <translation>{n} مراجعة تسجيل</translation>
    </message>
    <message>
        <source>{n} footage reviews</source>
        <translation>{n} من مراجعات التسجيلات</translation>
    </message>
    <message>
        <source>{n} other source</source>
        <translation>{n} مصدر آخر</translation>
    </message>
    <message>
        <source>{n} other sources</source>
        <translation>{n} من المصادر الأخرى</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>لم تُقيَّم بعد</translation>
    </message>
    <message>
        <source>Single source</source>
        <translation>مصدر واحد</translation>
    </message>
    <message>
        <source>Partly corroborated</source>
        <translation>مؤيَّدة جزئياً</translation>
    </message>
    <message>
        <source>Corroborated</source>
        <translation>مؤيَّدة</translation>
    </message>
    <message>
        <source>Strongly corroborated</source>
        <translation>مؤيَّدة بقوة</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>متنازع عليها</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>من {start} إلى {end}</translation>
    </message>
    <message>
        <source>{type} · {date} · {place} · {source} {code}</source>
        <translation>{type} · {date} · {place} · {source} {code}</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>الاقتراحات</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
</context>
<context>
    <name>EntryBox</name>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Remove {entry}</source>
        <translation>إزالة {entry}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export for headquarters</source>
        <translation>تصدير إلى المقر</translation>
    </message>
    <message>
        <source>Export an encrypted bundle</source>
        <translation>تصدير حزمة مشفّرة</translation>
    </message>
    <message>
        <source>Only the chosen headquarters can open the bundle; it is signed by this laptop so any change is detected. By default it carries redacted narratives, no names and cleaned files.</source>
        <translation>لا يستطيع فتح الحزمة إلا المقر المختار؛ وهي موقّعة من هذا الحاسوب فيُكشف أي تغيير فيها. افتراضياً تحمل رواياتٍ منقّحة، بلا أسماء، وملفاتٍ مُنظّفة.</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>المستلم</translation>
    </message>
    <message>
        <source>Register a card…</source>
        <translation>تسجيل بطاقة…</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>المستلم:</translation>
    </message>
    <message>
        <source>{n} interview(s) not yet exported will be included.</source>
        <translation>ستُضمَّن {n} مقابلة لم تُصدَّر بعد.</translation>
    </message>
    <message>
        <source>Interviews:</source>
        <translation>المقابلات:</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>ملف الحزمة</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>حفظ باسم:</translation>
    </message>
    <message>
        <source>Include identities and original files (names, contacts, unstripped media) — only when truly needed</source>
        <translation>تضمين الهويات والملفات الأصلية (الأسماء ووسائل الاتصال والوسائط غير المنقّاة) — عند الضرورة القصوى فقط</translation>
    </message>
    <message>
        <source>Include identities</source>
        <translation>تضمين الهويات</translation>
    </message>
    <message>
        <source>Include files whose metadata could not be removed</source>
        <translation>تضمين ملفات تعذّرت إزالة بياناتها الوصفية</translation>
    </message>
    <message>
        <source>Files and their cleaning</source>
        <translation>الملفات وتنظيفها</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>تقدّم التصدير</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Interviews whose narratives nobody reviewed</source>
        <translation>مقابلات لم يراجع أحد رواياتها</translation>
    </message>
    <message>
        <source>Review now</source>
        <translation>راجع الآن</translation>
    </message>
    <message>
        <source>Open the selected interview on its redaction review</source>
        <translation>افتح المقابلة المحددة على مراجعة الحجب الخاصة بها</translation>
    </message>
    <message>
        <source>Send with automatic redaction only</source>
        <translation>أرسل بالحجب الآلي فقط</translation>
    </message>
    <message>
        <source>Send with automatic redaction only (recorded in the bundle and the custody log)</source>
        <translation>أرسل بالحجب الآلي فقط (يُسجَّل ذلك في الحزمة وفي سجل العهدة)</translation>
    </message>
    <message>
        <source>{title} · reference {ref} · {n} narrative(s) not reviewed</source>
        <translation>{title} · المرجع {ref} · روايات لم تُراجَع: {n}</translation>
    </message>
    <message>
        <source>{n} interview(s) have narratives whose redaction nobody reviewed. Review them now, or send them with automatic redaction only: headquarters cannot undo a wrong replacement, and the bundle and the custody log will say that nobody reviewed them.</source>
        <translation>في {n} مقابلة روايات لم يراجع أحد حجبها. راجعها الآن، أو أرسلها بالحجب الآلي فقط: لا يستطيع المقر التراجع عن استبدال خاطئ، وستذكر الحزمة وسجل العهدة أن أحداً لم يراجعها.</translation>
    </message>
    <message>
        <source>{name}: the original file, with its metadata</source>
        <translation>{name}: الملف الأصلي مع بياناته الوصفية</translation>
    </message>
    <message>
        <source>{name}: cleaned copy — {what}</source>
        <translation>{name}: نسخة منظّفة — {what}</translation>
    </message>
    <message>
        <source>the partly cleaned copy</source>
        <translation>النسخة المنظّفة جزئياً</translation>
    </message>
    <message>
        <source>the original</source>
        <translation>الأصل</translation>
    </message>
    <message>
        <source>{name}: {which}, NOT cleaned — {why}</source>
        <translation>{name}: {which}، غير منظّف — {why}</translation>
    </message>
    <message>
        <source>{name}: left out — {why}</source>
        <translation>{name}: مستبعد — {why}</translation>
    </message>
    <message>
        <source>Files: {sent} sent, {left} left out (select a record and open its cleaning report for details).</source>
        <translation>الملفات: {sent} تُرسَل، و{left} مستبعدة (افتح المقابلة ثم تقرير التنظيف للتفاصيل).</translation>
    </message>
    <message>
        <source>No headquarters card is registered yet. Register the card you received from headquarters and compare its fingerprint with them.</source>
        <translation>لم تُسجَّل بطاقة مقرّ بعد. سجّل البطاقة التي تسلّمتها من المقر وقارن بصمتها معهم.</translation>
    </message>
    <message>
        <source>Registered {org}. Fingerprint: {fp}</source>
        <translation>سُجّلت {org}. البصمة: {fp}</translation>
    </message>
    <message>
        <source>Save the bundle</source>
        <translation>حفظ الحزمة</translation>
    </message>
    <message>
        <source>Testimony bundles (*{suffix})</source>
        <translation>حزم الشهادات (*{suffix})</translation>
    </message>
    <message>
        <source>Choose where to save the bundle.</source>
        <translation>اختر مكان حفظ الحزمة.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Encrypting the bundle…</source>
        <translation>جارٍ تشفير الحزمة…</translation>
    </message>
    <message>
        <source>Exported {r} interview(s) and {a} file(s) to {path}.</source>
        <translation>صُدّرت {r} مقابلة و{a} ملف إلى {path}.</translation>
    </message>
</context>
<context>
    <name>FaceReviewDialog</name>
    <message>
        <source>Hide faces</source>
        <translation>إخفاء الوجوه</translation>
    </message>
    <message>
        <source>Hide faces in {name}</source>
        <translation>إخفاء الوجوه في {name}</translation>
    </message>
    <message>
        <source>Check every box. Drag a box to move it, drag its lower right corner to resize it, drag on the photo to draw a box the detector missed, select a box and press Delete to remove it. The copy sent to headquarters will have these areas filled for good; the original stays in the vault.</source>
        <translation>راجع كل مربع. اسحب المربع لتحريكه، واسحب زاويته السفلية اليمنى لتغيير حجمه، واسحب على الصورة لرسم مربع حول وجه فات الكاشف، وحدّد مربعاً واضغط Delete لإزالته. ستُملأ هذه المناطق نهائياً في النسخة المرسلة إلى المقر؛ ويبقى الأصل في الخزنة.</translation>
    </message>
    <message>
        <source>Photo with face boxes</source>
        <translation>الصورة مع مربعات الوجوه</translation>
    </message>
    <message>
        <source>Find faces</source>
        <translation>البحث عن الوجوه</translation>
    </message>
    <message>
        <source>Add a box</source>
        <translation>إضافة مربع</translation>
    </message>
    <message>
        <source>Remove the selected box</source>
        <translation>إزالة المربع المحدد</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>أكبر</translation>
    </message>
    <message>
        <source>Make the selected box larger</source>
        <translation>تكبير المربع المحدد</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>أصغر</translation>
    </message>
    <message>
        <source>Make the selected box smaller</source>
        <translation>تصغير المربع المحدد</translation>
    </message>
    <message>
        <source>How to fill the faces</source>
        <translation>طريقة ملء الوجوه</translation>
    </message>
    <message>
        <source>Coarse pixels with noise</source>
        <translation>بكسلات خشنة مع تشويش</translation>
    </message>
    <message>
        <source>Solid black</source>
        <translation>أسود مصمت</translation>
    </message>
    <message>
        <source>Decrypting the photo…</source>
        <translation>جارٍ فك تشفير الصورة…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Hide these faces</source>
        <translation>إخفاء هذه الوجوه</translation>
    </message>
    <message>
        <source>This photo cannot be shown.</source>
        <translation>لا يمكن عرض هذه الصورة.</translation>
    </message>
    <message>
        <source>{n} box(es) from the last review.</source>
        <translation>{n} مربع من المراجعة السابقة.</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>جارٍ البحث عن الوجوه…</translation>
    </message>
    <message>
        <source>{n} face(s) found. Check the photo for any the detector missed.</source>
        <translation>عُثر على {n} وجه. تفقّد الصورة بحثاً عن أي وجه فات الكاشف.</translation>
    </message>
    <message>
        <source>Fill {n} area(s) in the copy that leaves the laptop? This cannot be undone on that copy; the original stays in the vault.</source>
        <translation>هل تريد ملء {n} منطقة في النسخة التي تغادر الحاسوب؟ لا يمكن التراجع عن ذلك في تلك النسخة؛ ويبقى الأصل في الخزنة.</translation>
    </message>
    <message>
        <source>No boxes: the photo will be sent without hiding anything. Continue?</source>
        <translation>لا توجد مربعات: ستُرسل الصورة دون إخفاء أي شيء. هل تريد المتابعة؟</translation>
    </message>
    <message>
        <source>Hiding the faces…</source>
        <translation>جارٍ إخفاء الوجوه…</translation>
    </message>
    <message>
        <source>Done: {n} area(s) filled in the copy that will be sent.</source>
        <translation>تم: مُلئت {n} منطقة في النسخة التي ستُرسل.</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Identifying: kept apart, hidden until revealed</source>
        <translation>معلومة مُعرِّفة: تُحفظ منفصلة ومخفية حتى الكشف عنها</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Create your encrypted vault</source>
        <translation>أنشئ خزنتك المشفّرة</translation>
    </message>
    <message>
        <source>Everything you record is encrypted with a key protected by this passphrase. Choose a long phrase of several words you can remember; it cannot be reset without the recovery code you will see next.</source>
        <translation>كل ما تسجّله يُشفَّر بمفتاح تحميه عبارة المرور هذه. اختر عبارة طويلة من عدة كلمات تستطيع تذكّرها؛ لا يمكن إعادة تعيينها دون رمز الاسترداد الذي ستراه بعد قليل.</translation>
    </message>
    <message>
        <source>Field researcher</source>
        <translation>باحث ميداني</translation>
    </message>
    <message>
        <source>Record interviews on this laptop and send bundles to headquarters</source>
        <translation>سجّل المقابلات على هذا الحاسوب وأرسل الحزم إلى المقر</translation>
    </message>
    <message>
        <source>Headquarters</source>
        <translation>المقر</translation>
    </message>
    <message>
        <source>Receive bundles from researchers and analyse them</source>
        <translation>استلم الحزم من الباحثين وحلّلها</translation>
    </message>
    <message>
        <source>This vault is for:</source>
        <translation>هذه الخزنة لـ:</translation>
    </message>
    <message>
        <source>Organisation name</source>
        <translation>اسم المنظمة</translation>
    </message>
    <message>
        <source>shown to researchers on the recipient card</source>
        <translation>يظهر للباحثين على بطاقة المستلم</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>ال&amp;منظمة:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>أعد كتابة عبارة المرور</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;عبارة المرور:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;إعادة:</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>قوة عبارة المرور</translation>
    </message>
    <message>
        <source>Measuring how long unlocking takes on this computer…</source>
        <translation>جارٍ قياس مدة فتح الخزنة على هذا الحاسوب…</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>إنشاء الخزنة</translation>
    </message>
    <message>
        <source>Creating the vault</source>
        <translation>جارٍ إنشاء الخزنة</translation>
    </message>
    <message>
        <source>Too weak: use at least 8 characters, better four or more words</source>
        <translation>ضعيفة جداً: استخدم 8 أحرف على الأقل، والأفضل أربع كلمات أو أكثر</translation>
    </message>
    <message>
        <source>Weak: add more words</source>
        <translation>ضعيفة: أضف كلمات أخرى</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>مقبولة</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>قوية</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>قوية جداً</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>عبارتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <source>Unlocking will take about {seconds} s on this computer (Argon2id, {mib} MiB, {passes} passes): slow on purpose, so guessing your passphrase is slow too.</source>
        <translation>سيستغرق فتح الخزنة نحو {seconds} ثانية على هذا الحاسوب (Argon2id، {mib} ميغابايت، {passes} مرات): البطء مقصود، ليكون تخمين عبارة المرور بطيئاً أيضاً.</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>رمز الاسترداد الخاص بك</translation>
    </message>
    <message>
        <source>If you forget the passphrase, this code is the only way back into the vault. Write it on paper now and keep it apart from this computer. It is shown only once and is not stored anywhere in readable form.</source>
        <translation>إذا نسيت عبارة المرور فهذا الرمز هو الطريق الوحيد للعودة إلى الخزنة. اكتبه على ورقة الآن واحفظه بعيداً عن هذا الحاسوب. يُعرض مرة واحدة فقط ولا يُحفظ في أي مكان بشكل مقروء.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>رمز الاسترداد</translation>
    </message>
    <message>
        <source>I have written the recovery code down and will keep it safe</source>
        <translation>كتبتُ رمز الاسترداد وسأحفظه في مكان آمن</translation>
    </message>
    <message>
        <source>I have written the recovery code down</source>
        <translation>كتبتُ رمز الاسترداد</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>Check that you kept it</source>
        <translation>تحقّق من أنك احتفظت به</translation>
    </message>
    <message>
        <source>Type the recovery code from your paper copy. Dashes and spaces do not matter.</source>
        <translation>اكتب رمز الاسترداد من نسختك الورقية. لا تهمّ الشرطات والمسافات.</translation>
    </message>
    <message>
        <source>Recovery code from your paper copy</source>
        <translation>رمز الاسترداد من نسختك الورقية</translation>
    </message>
    <message>
        <source>Show the code again</source>
        <translation>اعرض الرمز مجدداً</translation>
    </message>
    <message>
        <source>Open the vault</source>
        <translation>افتح الخزنة</translation>
    </message>
    <message>
        <source>That does not match the recovery code. Check your copy.</source>
        <translation>هذا لا يطابق رمز الاسترداد. راجع نسختك.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Receipts and handover</source>
        <translation>الإيصالات والتسليم</translation>
    </message>
    <message>
        <source>Receipts from headquarters</source>
        <translation>إيصالات من المقر</translation>
    </message>
    <message>
        <source>Headquarters signs a receipt listing what a bundle delivered. Importing it here checks the signature against the card you trusted.</source>
        <translation>يوقّع المقر إيصالاً يسرد ما وصله في الحزمة. استيراده هنا يتحقق من التوقيع مقابل البطاقة التي وثقت بها.</translation>
    </message>
    <message>
        <source>Import receipt…</source>
        <translation>استيراد إيصال…</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>التسليم</translation>
    </message>
    <message>
        <source>So that a seized laptop holds as little as possible, forget what headquarters has confirmed receiving. A testimony edited since it was sent keeps its unsent revision and is left alone.</source>
        <translation>كي لا يحوي الحاسوب إن صودر إلا أقل القليل، احذف منه ما أكّد المقر استلامه. الشهادة التي عُدّلت بعد إرسالها تحتفظ بنسختها غير المرسلة ولا تُمسّ.</translation>
    </message>
    <message>
        <source>Confirmed received</source>
        <translation>مؤكَّد الاستلام</translation>
    </message>
    <message>
        <source>Forget the identities (names, contacts); keep the testimonies</source>
        <translation>إتلاف الهويات (الأسماء، وسائل الاتصال)؛ مع إبقاء الشهادات</translation>
    </message>
    <message>
        <source>Delete the testimonies entirely from this laptop</source>
        <translation>حذف الشهادات كاملة من هذا الحاسوب</translation>
    </message>
    <message>
        <source>I understand this cannot be undone</source>
        <translation>أفهم أن هذا لا يمكن التراجع عنه</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>ليس الآن</translation>
    </message>
    <message>
        <source>Forget now</source>
        <translation>إتلاف الآن</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>تسليم…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>{n} testimonies are confirmed received by headquarters.</source>
        <translation>أكّد المقر استلام {n} شهادة.</translation>
    </message>
    <message>
        <source>Receipt from headquarters</source>
        <translation>إيصال من المقر</translation>
    </message>
    <message>
        <source>Receipts (*.json);;All files (*)</source>
        <translation>الإيصالات (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Receipt verified: headquarters confirms receiving {n} testimonies of bundle {bundle}.</source>
        <translation>تم التحقق من الإيصال: يؤكد المقر استلام {n} شهادة من الحزمة {bundle}.</translation>
    </message>
    <message>
        <source>Delete {n} testimonies, their files and identities from this laptop? Only headquarters will hold them (they were sent whole, with identities).</source>
        <translation>حذف {n} شهادة مع ملفاتها وهوياتها من هذا الحاسوب؟ لن تبقى إلا لدى المقر (أُرسلت كاملة مع الهويات).</translation>
    </message>
    <message>
        <source>Destroy the identities (names, contacts) of {n} testimonies on this laptop? Where you sent them without identities, the identities will exist nowhere.</source>
        <translation>إتلاف هويات (أسماء، وسائل اتصال) {n} شهادة على هذا الحاسوب؟ حيث أرسلتها دون هويات، لن تبقى الهويات في أي مكان.</translation>
    </message>
    <message>
        <source>Forgetting…</source>
        <translation>جارٍ الإتلاف…</translation>
    </message>
    <message>
        <source>{n} testimonies were deleted from this laptop.</source>
        <translation>حُذفت {n} شهادة من هذا الحاسوب.</translation>
    </message>
    <message>
        <source>The identities of {n} testimonies were destroyed.</source>
        <translation>أُتلفت هويات {n} شهادة.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a bundle</source>
        <translation>استيراد حزمة</translation>
    </message>
    <message>
        <source>Import a bundle from the field</source>
        <translation>استيراد حزمة من الميدان</translation>
    </message>
    <message>
        <source>The bundle is decrypted and every signature, name, size and hash is checked before anything is added. Importing the same bundle twice changes nothing.</source>
        <translation>تُفك الحزمة ويُتحقق من كل توقيع واسم وحجم وبصمة تجزئة قبل إضافة أي شيء. استيراد الحزمة نفسها مرتين لا يغيّر شيئاً.</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>ملف الحزمة</translation>
    </message>
    <message>
        <source>a {suffix} file from a researcher</source>
        <translation>ملف ‎{suffix}‎ من باحث</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>This bundle comes from a device headquarters has not seen before. Compare this fingerprint with the one the researcher reads from their laptop (in person or by a trusted channel):</source>
        <translation>هذه الحزمة من جهاز لم يره المقر من قبل. قارن هذه البصمة بالبصمة التي يقرؤها الباحث من حاسوبه (وجهاً لوجه أو عبر قناة موثوقة):</translation>
    </message>
    <message>
        <source>Device fingerprint</source>
        <translation>بصمة الجهاز</translation>
    </message>
    <message>
        <source>The fingerprints match: accept this device and import</source>
        <translation>البصمتان متطابقتان: اقبل هذا الجهاز واستورد</translation>
    </message>
    <message>
        <source>I have verified the new fingerprint with the researcher in person</source>
        <translation>تحققت من البصمة الجديدة مع الباحث شخصياً</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>تقدّم الاستيراد</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>من:</translation>
    </message>
    <message>
        <source>Testimonies added:</source>
        <translation>الشهادات المضافة:</translation>
    </message>
    <message>
        <source>Revisions added:</source>
        <translation>النسخ المضافة:</translation>
    </message>
    <message>
        <source>Duplicates skipped:</source>
        <translation>المكررات المتجاهلة:</translation>
    </message>
    <message>
        <source>Attachments added:</source>
        <translation>المرفقات المضافة:</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>المرفوض:</translation>
    </message>
    <message>
        <source>Custody log:</source>
        <translation>سجل العهدة:</translation>
    </message>
    <message>
        <source>Write receipt…</source>
        <translation>كتابة إيصال…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Bundle from the field</source>
        <translation>حزمة من الميدان</translation>
    </message>
    <message>
        <source>Yes, accept the change and import</source>
        <translation>نعم، اقبل التغيير واستورد</translation>
    </message>
    <message>
        <source>Testimony bundles (*{suffix});;All files (*)</source>
        <translation>حزم الشهادات (*{suffix});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Accept the change…</source>
        <translation>قبول التغيير…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Decrypting and checking the bundle…</source>
        <translation>جارٍ فك الحزمة والتحقق منها…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>أُلغي؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Not imported yet: the device is new to headquarters.</source>
        <translation>لم يُستورد بعد: الجهاز جديد على المقر.</translation>
    </message>
    <message>
        <source>Warning: researcher {who} is known with device {old}, but this bundle is signed by a different key, {new}. Someone may be impersonating them. Accept only if the researcher confirms in person that they changed laptops or re-created their vault.</source>
        <translation>تحذير: الباحث {who} معروف بالجهاز {old}، لكن هذه الحزمة موقّعة بمفتاح مختلف، {new}. قد يكون أحدٌ ينتحل صفته. لا تقبل إلا إذا أكّد الباحث شخصياً أنه غيّر حاسوبه أو أعاد إنشاء خزنته.</translation>
    </message>
    <message>
        <source>Refused: the researcher's key has changed.</source>
        <translation>مرفوض: تغيّر مفتاح الباحث.</translation>
    </message>
    <message>
        <source>I have confirmed the new researcher code with the researcher</source>
        <translation>تأكدت من رمز الباحث الجديد مع الباحث</translation>
    </message>
    <message>
        <source>Warning: device {device} is registered for researcher {old}, but this bundle names researcher {new}. Accept only if the researcher confirms they changed the code in their Settings (a typing mistake corrected, say); from then on the device is registered for {new}.</source>
        <translation>تحذير: الجهاز {device} مسجَّل للباحث {old}، لكن هذه الحزمة تذكر الباحث {new}. لا تقبل إلا إذا أكّد الباحث أنه غيّر الرمز في إعداداته (تصحيحاً لخطأ في الكتابة مثلاً)؛ ومن بعدها يُسجَّل الجهاز للباحث {new}.</translation>
    </message>
    <message>
        <source>Refused: the device now names another researcher code.</source>
        <translation>مرفوض: الجهاز يذكر الآن رمز باحث آخر.</translation>
    </message>
    <message>
        <source>Refused, nothing was changed: {reason}</source>
        <translation>مرفوض، ولم يتغيّر شيء: {reason}</translation>
    </message>
    <message>
        <source>Click again to confirm. This is recorded in the custody log.</source>
        <translation>انقر مرة أخرى للتأكيد. يُسجَّل هذا في سجل العهدة.</translation>
    </message>
    <message>
        <source>device {device}, researcher {who}</source>
        <translation>الجهاز {device}، الباحث {who}</translation>
    </message>
    <message>
        <source>not named</source>
        <translation>غير مسمّى</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>chain intact</source>
        <translation>السلسلة سليمة</translation>
    </message>
    <message>
        <source>This bundle was imported before; nothing changed.</source>
        <translation>استُوردت هذه الحزمة من قبل؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Imported and verified.</source>
        <translation>استُوردت وتم التحقق منها.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>New incident</source>
        <translation>حادثة جديدة</translation>
    </message>
    <message>
        <source>Type of act</source>
        <translation>نوع الفعل</translation>
    </message>
    <message>
        <source>Date precision</source>
        <translation>دقة التاريخ</translation>
    </message>
    <message>
        <source>Exact day</source>
        <translation>يوم محدد</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Between two dates</source>
        <translation>بين تاريخين</translation>
    </message>
    <message>
        <source>Date or first day</source>
        <translation>التاريخ أو اليوم الأول</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>اليوم الأخير</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>New incident…</source>
        <translation>حادثة جديدة…</translation>
    </message>
    <message>
        <source>Report draft…</source>
        <translation>مسودة تقرير…</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>Sources of the incident</source>
        <translation>مصادر الحادثة</translation>
    </message>
    <message>
        <source>Corroboration level</source>
        <translation>درجة التأييد</translation>
    </message>
    <message>
        <source>Evidence for the corroboration level</source>
        <translation>الأدلة على درجة التأييد</translation>
    </message>
    <message>
        <source>The evidence for this level</source>
        <translation>الأدلة على هذه الدرجة</translation>
    </message>
    <message>
        <source>Set level</source>
        <translation>تعيين الدرجة</translation>
    </message>
    <message>
        <source>Acts of testimonies in no incident, at the same place, on overlapping dates, of a similar type.</source>
        <translation>أفعال من شهادات غير مُلحقة بأي حادثة، في المكان نفسه، بتواريخ متداخلة، ومن نوع مشابه.</translation>
    </message>
    <message>
        <source>Candidate acts</source>
        <translation>الأفعال المرشّحة</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>إلحاق</translation>
    </message>
    <message>
        <source>Not this incident</source>
        <translation>ليست هذه الحادثة</translation>
    </message>
    <message>
        <source>Detach selected source</source>
        <translation>فصل المصدر المحدد</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>المرشّحات</translation>
    </message>
    <message>
        <source>The selected source's narrative, as redacted. Select words and quote them.</source>
        <translation>رواية المصدر المحدد بعد الحجب. حدّد كلمات واقتبسها.</translation>
    </message>
    <message>
        <source>Redacted narrative</source>
        <translation>الرواية بعد الحجب</translation>
    </message>
    <message>
        <source>Quote the selection</source>
        <translation>اقتباس المحدد</translation>
    </message>
    <message>
        <source>Quotations</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>الانتهاك</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>أين</translation>
    </message>
    <message>
        <source>Independent sources</source>
        <translation>المصادر المستقلة</translation>
    </message>
    <message>
        <source>Corroboration</source>
        <translation>درجة التأييد</translation>
    </message>
    <message>
        <source>Incidents filed: {n}; acts of testimonies in no incident yet: {loose} of {total}.</source>
        <translation>الحوادث المسجّلة: {n}؛ أفعال الشهادات غير الملحقة بأي حادثة بعد: {loose} من أصل {total}.</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>من {start} إلى {end}</translation>
    </message>
    <message>
        <source>No incident selected</source>
        <translation>لم تُحدَّد أي حادثة</translation>
    </message>
    <message>
        <source>File an incident with “New incident…”, or accept a suggested one.</source>
        <translation>سجّل حادثة عبر «حادثة جديدة…»، أو اقبل حادثة مقترحة.</translation>
    </message>
    <message>
        <source>{type} — {place}, {date}</source>
        <translation>{type} — {place}، {date}</translation>
    </message>
    <message>
        <source>No description yet.</source>
        <translation>لا وصف بعد.</translation>
    </message>
    <message>
        <source>{sources} ({kinds}) in {testimonies}, from {devices} and {researchers}; {victims}.</source>
        <translation>{sources} ({kinds}) في {testimonies}، من {devices} و{researchers}؛ {victims}.</translation>
    </message>
    <message>
        <source>About {n} more victims by the testimonies' estimated totals (not listed one by one).</source>
        <translation>ونحو {n} ضحايا آخرين بحسب الأعداد التقديرية في الشهادات (لم يُذكروا واحداً واحداً).</translation>
    </message>
    <message>
        <source>{act} · researcher {researcher} · device {device}</source>
        <translation>{act} · الباحث {researcher} · الجهاز {device}</translation>
    </message>
    <message>
        <source>{act} — {reasons}</source>
        <translation>{act} — {reasons}</translation>
    </message>
    <message>
        <source>Select words of the narrative first.</source>
        <translation>حدّد كلمات من الرواية أولاً.</translation>
    </message>
</context>
<context>
    <name>InterviewView</name>
    <message>
        <source>New interview: choose the type</source>
        <translation>مقابلة جديدة: اختر النوع</translation>
    </message>
    <message>
        <source>Interview types</source>
        <translation>أنواع المقابلات</translation>
    </message>
    <message>
        <source>No interview forms are installed.</source>
        <translation>لا توجد استمارات مقابلة مثبّتة.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Start interview</source>
        <translation>ابدأ المقابلة</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>مقابلة</translation>
    </message>
    <message>
        <source>This interview type is not installed.</source>
        <translation>نوع المقابلة هذا غير مثبّت.</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>حالة المسودة</translation>
    </message>
    <message>
        <source>Interview progress</source>
        <translation>تقدّم المقابلة</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>حذف المقابلة…</translation>
    </message>
    <message>
        <source>Discard this interview</source>
        <translation>حذف هذه المقابلة</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Save interview</source>
        <translation>حفظ المقابلة</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>تغييرات غير محفوظة…</translation>
    </message>
    <message>
        <source>Some answers in this section need attention.</source>
        <translation>بعض الإجابات في هذا القسم تحتاج إلى مراجعة.</translation>
    </message>
    <message>
        <source>{n} answer(s) need attention before saving.</source>
        <translation>{n} إجابة تحتاج إلى مراجعة قبل الحفظ.</translation>
    </message>
    <message>
        <source>Discard interview</source>
        <translation>حذف المقابلة</translation>
    </message>
    <message>
        <source>Discard this interview and its draft? Files added to it are removed too.</source>
        <translation>هل تحذف هذه المقابلة ومسودتها؟ ستُحذف الملفات المضافة إليها أيضاً.</translation>
    </message>
    <message>
        <source>Section {n} of {m} · {a} of {q} questions answered</source>
        <translation>القسم {n} من {m} · أُجيب عن {a} من {q} سؤالاً</translation>
    </message>
    <message>
        <source>This question needs an answer.</source>
        <translation>هذا السؤال يحتاج إلى إجابة.</translation>
    </message>
    <message>
        <source>Check this answer: {detail}</source>
        <translation>راجع هذه الإجابة: {detail}</translation>
    </message>
    <message>
        <source>Draft saved (encrypted) at {time}</source>
        <translation>حُفظت المسودة (مشفّرة) في {time}</translation>
    </message>
    <message>
        <source>Resumed from the encrypted draft</source>
        <translation>استُؤنفت من المسودة المشفّرة</translation>
    </message>
    <message>
        <source>Editing: saving adds a new revision</source>
        <translation>تحرير: الحفظ يضيف نسخة جديدة</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
</context>
<context>
    <name>LocationEditor</name>
    <message>
        <source>City or town</source>
        <translation>المدينة أو البلدة</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>الحي</translation>
    </message>
    <message>
        <source>Description (street, landmark, or a place not in the list)</source>
        <translation>وصف (شارع، معلم، أو مكان غير موجود في القائمة)</translation>
    </message>
    <message>
        <source>Place description</source>
        <translation>وصف المكان</translation>
    </message>
</context>
<context>
    <name>MainScreen</name>
    <message>
        <source>Main actions</source>
        <translation>الإجراءات الرئيسية</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>المقابلات</translation>
    </message>
    <message>
        <source>New interview</source>
        <translation>مقابلة جديدة</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Recipients…</source>
        <translation>المستلمون…</translation>
    </message>
    <message>
        <source>Receipts…</source>
        <translation>الإيصالات…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Quick wipe…</source>
        <translation>مسح سريع…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Resume the unfinished interview</source>
        <translation>استئناف المقابلة غير المكتملة</translation>
    </message>
    <message>
        <source>Show drafts</source>
        <translation>عرض المسودات</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>لاحقاً</translation>
    </message>
    <message>
        <source>{n} unfinished interview(s) were kept as encrypted drafts. Resume the latest?</source>
        <translation>حُفظت {n} مقابلة غير مكتملة كمسودات مشفّرة. هل تستأنف آخرها؟</translation>
    </message>
</context>
<context>
    <name>PatternsView</name>
    <message>
        <source>No victims with a known status (killed, injured, arrested, disappeared) yet.</source>
        <translation>لا ضحايا بحالة معروفة (قُتل، أُصيب، اعتُقل، اختفى) حتى الآن.</translation>
    </message>
    <message>
        <source>Victims by status per month</source>
        <translation>الضحايا حسب الحالة لكل شهر</translation>
    </message>
    <message>
        <source>Victims by status per neighbourhood</source>
        <translation>الضحايا حسب الحالة لكل حي</translation>
    </message>
    <message>
        <source>Violations by perpetrator type</source>
        <translation>الانتهاكات حسب نوع الجهة المتهمة</translation>
    </message>
    <message>
        <source>No acts recorded yet.</source>
        <translation>لا أفعال مسجّلة حتى الآن.</translation>
    </message>
    <message>
        <source>Victims by status, per month</source>
        <translation>الضحايا حسب الحالة، لكل شهر</translation>
    </message>
    <message>
        <source>Incidents by number of independent sources</source>
        <translation>الحوادث حسب عدد المصادر المستقلة</translation>
    </message>
    <message>
        <source>No incidents filed yet (Desk, Ctrl+3).</source>
        <translation>لم تُسجَّل أي حادثة بعد (مكتب التحليل، Ctrl+3).</translation>
    </message>
    <message>
        <source>{status} (estimate)</source>
        <translation>{status} (تقديري)</translation>
    </message>
    <message>
        <source>{n} of them are estimates: victims an act counted (“an arrest of 4”) without listing them one by one, with the status its type implies.</source>
        <translation>{n} منها تقديرية: ضحايا عدّهم فعلٌ («اعتقال أربعة أشخاص») دون ذكرهم واحداً واحداً، بالحالة التي يدلّ عليها نوع الفعل.</translation>
    </message>
    <message>
        <source>{n} more victims were counted in acts whose type does not say what happened to them (not in this chart).</source>
        <translation>و{n} ضحايا آخرون عُدّوا في أفعال لا يدلّ نوعها على ما حلّ بهم (ليسوا في هذا الرسم).</translation>
    </message>
    <message>
        <source>Each person counted once, in the month the act began; testimonies confirmed as the same person (Desk) count as one. {n} of these counts are victims not yet confirmed across testimonies, so two accounts of one victim may still count twice.</source>
        <translation>يُعدّ كل شخص مرة واحدة، في الشهر الذي بدأ فيه الفعل؛ والشهادات التي أُكّد أنها عن الشخص نفسه (مكتب التحليل) تُعدّ واحداً. {n} من هذه الأعداد ضحايا لم يُؤكَّدوا بعد عبر الشهادات، فقد تُعدّ روايتان عن ضحية واحدة مرتين.</translation>
    </message>
    <message>
        <source>Neighbourhood (district), or the city when no district was given. Each person counted once; {n} not yet confirmed across testimonies.</source>
        <translation>الحي، أو المدينة إن لم يُذكر الحي. يُعدّ كل شخص مرة واحدة؛ {n} لم يُؤكَّدوا بعد عبر الشهادات.</translation>
    </message>
    <message>
        <source>Incidents per alleged perpetrator (force, unit or group), by type of act: acts filed in one incident count once. {loose} of {total} acts are in no incident yet and count on their own.</source>
        <translation>الحوادث حسب الجهة المتهمة (قوة أو وحدة أو مجموعة) ونوع الفعل: الأفعال المُلحقة بحادثة واحدة تُعدّ مرة واحدة. {loose} من أصل {total} من الأفعال غير مُلحقة بأي حادثة بعد وتُعدّ كلٌّ على حدة.</translation>
    </message>
    <message>
        <source>Filed incidents by the number of independent sources (different interviewees) behind them. {loose} of {total} acts of testimonies are in no incident yet.</source>
        <translation>الحوادث المسجّلة حسب عدد المصادر المستقلة (أشخاص مختلفون قوبلوا) وراءها. {loose} من أصل {total} من أفعال الشهادات غير مُلحقة بأي حادثة بعد.</translation>
    </message>
    <message>
        <source>Victims by month</source>
        <translation>الضحايا حسب الشهر</translation>
    </message>
    <message>
        <source>Victims by status, per neighbourhood</source>
        <translation>الضحايا حسب الحالة، لكل حي</translation>
    </message>
    <message>
        <source>By neighbourhood</source>
        <translation>حسب الحي</translation>
    </message>
    <message>
        <source>By perpetrator</source>
        <translation>حسب الجهة المتهمة</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Confirmed people and units</source>
        <translation>الأشخاص والوحدات المؤكَّدون</translation>
    </message>
    <message>
        <source>What the testimonies confirmed as this person say happened to them, in order.</source>
        <translation>ما تقوله الشهادات المؤكَّد أنها عن هذا الشخص عمّا جرى له، بالترتيب.</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>تاريخ الحالات</translation>
    </message>
    <message>
        <source>Reveal names…</source>
        <translation>إظهار الأسماء…</translation>
    </message>
    <message>
        <source>Remove this testimony from the person</source>
        <translation>إزالة هذه الشهادة من الشخص</translation>
    </message>
    <message>
        <source>Revealed names</source>
        <translation>الأسماء الظاهرة</translation>
    </message>
    <message>
        <source>{pseudonym} · victim · {n} testimonies</source>
        <translation>{pseudonym} · ضحية · الشهادات: {n}</translation>
    </message>
    <message>
        <source>{pseudonym} · unit · {n} testimonies</source>
        <translation>{pseudonym} · وحدة · الشهادات: {n}</translation>
    </message>
    <message>
        <source>No one confirmed yet</source>
        <translation>لم يُؤكَّد أحد بعد</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>الفعل</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>شهادة</translation>
    </message>
    <message>
        <source>Reveal names</source>
        <translation>إظهار الأسماء</translation>
    </message>
    <message>
        <source>Show the names the testimonies give for {p}? The reveal is written in the custody log.</source>
        <translation>هل تُظهر الأسماء التي تذكرها الشهادات لـ {p}؟ يُسجَّل الإظهار في سجل الحفظ.</translation>
    </message>
    <message>
        <source>Names given: {names}</source>
        <translation>الأسماء المذكورة: {names}</translation>
    </message>
    <message>
        <source>Headquarters received no name for this person.</source>
        <translation>لم يصل إلى المقر أي اسم لهذا الشخص.</translation>
    </message>
</context>
<context>
    <name>QuickWipeDialog</name>
    <message>
        <source>Quick wipe</source>
        <translation>مسح سريع</translation>
    </message>
    <message>
        <source>WIPE</source>
        <translation>امسح</translation>
    </message>
    <message>
        <source>Destroy this vault now?</source>
        <translation>هل تدمّر هذه الخزنة الآن؟</translation>
    </message>
    <message>
        <source>The keys are destroyed first, in under a second; then every interview, draft and attachment in this vault is deleted. Nothing can bring them back, not even the recovery code. Export anything you need before wiping.</source>
        <translation>تُدمَّر المفاتيح أولاً في أقل من ثانية، ثم تُحذف كل المقابلات والمسودات والمرفقات في هذه الخزنة. لا شيء يعيدها، ولا حتى رمز الاسترداد. صدّر ما تحتاجه قبل المسح.</translation>
    </message>
    <message>
        <source>To confirm, type the word «{word}» below.</source>
        <translation>للتأكيد، اكتب الكلمة «{word}» أدناه.</translation>
    </message>
    <message>
        <source>To confirm, type the word «{word}» below (or «WIPE» on a Latin keyboard).</source>
        <translation>للتأكيد، اكتب كلمة «{word}» أدناه (أو «WIPE» على لوحة مفاتيح لاتينية).</translation>
    </message>
    <message>
        <source>Type {word} to confirm</source>
        <translation>اكتب {word} للتأكيد</translation>
    </message>
    <message>
        <source>Wipe the vault</source>
        <translation>امسح الخزنة</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt written to {path}. Give it to the researcher.</source>
        <translation>كُتب الإيصال في {path}. سلّمه إلى الباحث.</translation>
    </message>
    <message>
        <source>Save the receipt</source>
        <translation>حفظ الإيصال</translation>
    </message>
    <message>
        <source>Receipts (*.json)</source>
        <translation>الإيصالات (*.json)</translation>
    </message>
    <message>
        <source>Receipts for researchers</source>
        <translation>إيصالات للباحثين</translation>
    </message>
    <message>
        <source>Write a receipt</source>
        <translation>كتابة إيصال</translation>
    </message>
    <message>
        <source>A receipt is signed with the headquarters key and lists what a bundle delivered. Give it to the researcher: their laptop can then forget the identities, or the whole testimonies, that headquarters now holds.</source>
        <translation>يُوقَّع الإيصال بمفتاح المقر ويسرد ما أوصلته الحزمة. سلّمه إلى الباحث: يستطيع حاسوبه بعدها إتلاف الهويات، أو الشهادات كاملة، التي صارت لدى المقر.</translation>
    </message>
    <message>
        <source>Imported bundles</source>
        <translation>الحزم المستوردة</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation>الباحث</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <source>No bundle has been imported yet.</source>
        <translation>لم تُستورد أي حزمة بعد.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Write receipt…</source>
        <translation>كتابة إيصال…</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>← Interviews</source>
        <translation>→ المقابلات</translation>
    </message>
    <message>
        <source>Back to the interviews list</source>
        <translation>العودة إلى قائمة المقابلات</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>النسخة</translation>
    </message>
    <message>
        <source>Revision {n} — {time}</source>
        <translation>النسخة {n} — {time}</translation>
    </message>
    <message>
        <source>Edit (new revision)</source>
        <translation>تحرير (نسخة جديدة)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>السؤال</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>الإجابة</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>الحجب</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>الإجابات</translation>
    </message>
    <message>
        <source>Attachments ({n})</source>
        <translation>المرفقات ({n})</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>النسخ</translation>
    </message>
    <message>
        <source>Custody log</source>
        <translation>سجل العهدة</translation>
    </message>
    <message>
        <source>Review all answers</source>
        <translation>مراجعة كل الإجابات</translation>
    </message>
    <message>
        <source>Redaction review</source>
        <translation>مراجعة الحجب</translation>
    </message>
    <message>
        <source>The identifying details of this record were destroyed.</source>
        <translation>أُتلفت التفاصيل المُعرِّفة لهذا السجل.</translation>
    </message>
    <message>
        <source>Identifying details are visible. They hide again in {s} s or when the vault locks.</source>
        <translation>التفاصيل المُعرِّفة ظاهرة. ستُخفى مجدداً بعد {s} ثانية أو عند قفل الخزنة.</translation>
    </message>
    <message>
        <source>Hide now</source>
        <translation>إخفاء الآن</translation>
    </message>
    <message>
        <source>Hide identifying details</source>
        <translation>إخفاء التفاصيل المُعرِّفة</translation>
    </message>
    <message>
        <source>Identifying details (names, contacts) are hidden. Revealing them is recorded in the custody log.</source>
        <translation>التفاصيل المُعرِّفة (الأسماء ووسائل الاتصال) مخفية. يُسجَّل الكشف عنها في سجل العهدة.</translation>
    </message>
    <message>
        <source>Reveal for this record</source>
        <translation>اكشف لهذا السجل</translation>
    </message>
    <message>
        <source>Reveal identifying details</source>
        <translation>كشف التفاصيل المُعرِّفة</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>مُصدَّرة</translation>
    </message>
    <message>
        <source>Reference {ref} · created {created} · last change {updated} · {status}</source>
        <translation>المرجع {ref} · أُنشئ {created} · آخر تغيير {updated} · {status}</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(بلا إجابة)</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>مخفي</translation>
    </message>
    <message>
        <source>as you reviewed it</source>
        <translation>كما راجعته</translation>
    </message>
    <message>
        <source>changed since your review</source>
        <translation>تغيّر منذ مراجعتك</translation>
    </message>
    <message>
        <source>reviewed in the field</source>
        <translation>رُوجع في الميدان</translation>
    </message>
    <message>
        <source>automatic in the field, not reviewed</source>
        <translation>آلي في الميدان، بلا مراجعة</translation>
    </message>
    <message>
        <source>automatic, not reviewed</source>
        <translation>آلي، بلا مراجعة</translation>
    </message>
    <message>
        <source>Redacted with the decisions you saved for this text.</source>
        <translation>حُجب بالقرارات التي حفظتها لهذا النص.</translation>
    </message>
    <message>
        <source>Redacted with your decisions on the words that did not change; the new or undecided words were redacted automatically and need your review.</source>
        <translation>حُجب بقراراتك على الكلمات التي لم تتغيّر؛ أما الكلمات الجديدة أو التي لم تقرّر فيها فحُجبت آلياً وتحتاج إلى مراجعتك.</translation>
    </message>
    <message>
        <source>Redacted in the field with the researcher's reviewed decisions.</source>
        <translation>حُجب في الميدان بقرارات الباحث بعد المراجعة.</translation>
    </message>
    <message>
        <source>Redacted automatically in the field; nobody reviewed it.</source>
        <translation>حُجب آلياً في الميدان؛ لم يراجعه أحد.</translation>
    </message>
    <message>
        <source>Redacted by automatic detection only; nobody reviewed it.</source>
        <translation>حُجب بالاكتشاف الآلي فقط؛ لم يراجعه أحد.</translation>
    </message>
    <message>
        <source>Saved at (UTC)</source>
        <translation>حُفظت في (UTC)</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation>سجل النسخ</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>الوقت (UTC)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Entry hash</source>
        <translation>بصمة القيد</translation>
    </message>
</context>
<context>
    <name>RecordsListView</name>
    <message>
        <source>Search the interviews (words in answers; not names)</source>
        <translation>ابحث في المقابلات (كلمات في الإجابات؛ لا الأسماء)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Interview type filter</source>
        <translation>تصفية حسب نوع المقابلة</translation>
    </message>
    <message>
        <source>All interview types</source>
        <translation>كل أنواع المقابلات</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>تصفية حسب الحالة</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>المسودات</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>مُصدَّرة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>من تاريخ</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>إلى تاريخ</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>الأعداد</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>المقابلات</translation>
    </message>
    <message>
        <source>No interviews yet. Start one with “New interview” (Ctrl+N).</source>
        <translation>لا توجد مقابلات بعد. ابدأ واحدة من «مقابلة جديدة» (Ctrl+N).</translation>
    </message>
    <message>
        <source>{shown} shown · {total} interviews · {drafts} drafts</source>
        <translation>{shown} معروضة · {total} مقابلة · {drafts} مسودة</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Interview type</source>
        <translation>نوع المقابلة</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>آخر تغيير</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <translation>الشخص المُقابَل</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>تاريخ الحدث</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>ملخّص</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>مُصدَّرة</translation>
    </message>
    <message>
        <source>{status}, revision {n}</source>
        <translation>{status}، المراجعة {n}</translation>
    </message>
    <message>
        <source>Reference {ref}</source>
        <translation>المرجع {ref}</translation>
    </message>
</context>
<context>
    <name>RecoveryReminderDialog</name>
    <message>
        <source>Recovery code not confirmed</source>
        <translation>رمز الاسترداد غير مؤكَّد</translation>
    </message>
    <message>
        <source>The recovery code was never confirmed</source>
        <translation>لم يُؤكَّد رمز الاسترداد قط</translation>
    </message>
    <message>
        <source>When this vault was created, the recovery code was shown but never typed back, so it may not have been written down. Without it, a forgotten passphrase means losing every interview. Make a new recovery code now: the old one stops working.</source>
        <translation>عند إنشاء هذه الخزنة عُرض رمز الاسترداد لكنه لم يُكتب للتأكيد، فربما لم يُدوَّن. من دونه، نسيان عبارة المرور يعني فقدان كل المقابلات. أنشئ رمز استرداد جديداً الآن؛ يتوقف الرمز القديم عن العمل.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>رمز الاسترداد</translation>
    </message>
    <message>
        <source>Recovery code from your paper copy</source>
        <translation>رمز الاسترداد من نسختك الورقية</translation>
    </message>
    <message>
        <source>Type the new code from your paper copy</source>
        <translation>اكتب الرمز الجديد من نسختك الورقية</translation>
    </message>
    <message>
        <source>Remind me next time</source>
        <translation>ذكّرني في المرة القادمة</translation>
    </message>
    <message>
        <source>Make a new recovery code</source>
        <translation>أنشئ رمز استرداد جديداً</translation>
    </message>
    <message>
        <source>I wrote it down: check it</source>
        <translation>دوّنته: تحقّق منه</translation>
    </message>
    <message>
        <source>Write this code on paper now and keep it apart from this computer, then type it below. It is shown only once.</source>
        <translation>دوّن هذا الرمز على ورقة الآن واحفظها بعيداً عن هذا الحاسوب، ثم اكتبه أدناه. لا يُعرض إلا مرة واحدة.</translation>
    </message>
    <message>
        <source>That does not match the recovery code. Check your copy.</source>
        <translation>هذا لا يطابق رمز الاسترداد. راجع نسختك.</translation>
    </message>
</context>
<context>
    <name>RedactionPanel</name>
    <message>
        <source>Answer to review</source>
        <translation>الإجابة المراد مراجعتها</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>الإجابة:</translation>
    </message>
    <message>
        <source>Detect identifying details</source>
        <translation>اكتشف التفاصيل المُعرِّفة</translation>
    </message>
    <message>
        <source>Detection uses this record's identities without showing them (recorded in the custody log). Every detection is redacted unless you reject it. Select words in the text to add one.</source>
        <translation>يستخدم الاكتشاف هويات هذا السجل دون عرضها (ويُسجَّل ذلك في سجل العهدة). يُحجب كل ما يُكتشف ما لم ترفضه. حدّد كلمات في النص لإضافة حجب.</translation>
    </message>
    <message>
        <source>Original text</source>
        <translation>النص الأصلي</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>البديل</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>Detections</source>
        <translation>ما اكتُشف</translation>
    </message>
    <message>
        <source>Redacted text</source>
        <translation>النص بعد الحجب</translation>
    </message>
    <message>
        <source>Kind of detail to add</source>
        <translation>نوع التفصيل المراد إضافته</translation>
    </message>
    <message>
        <source>Redact the selected text</source>
        <translation>احجب النص المحدد</translation>
    </message>
    <message>
        <source>Save decisions</source>
        <translation>حفظ القرارات</translation>
    </message>
    <message>
        <source>This record has no free-text answers to review.</source>
        <translation>لا توجد في هذا السجل إجابات نصية حرة للمراجعة.</translation>
    </message>
    <message>
        <source>{n} saved decision(s) for this answer were damaged and are not used: their words are redacted automatically. Check the answer, then save.</source>
        <translation>{n} من القرارات المحفوظة لهذه الإجابة تالفة ولن تُستخدم: تُحجب كلماتها آلياً. راجع الإجابة ثم احفظ.</translation>
    </message>
    <message>
        <source>This answer changed since your review: check the new words, then save.</source>
        <translation>تغيّرت هذه الإجابة منذ مراجعتك: تحقّق من الكلمات الجديدة ثم احفظ.</translation>
    </message>
    <message>
        <source>Your saved decisions are shown.</source>
        <translation>تُعرض قراراتك المحفوظة.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>هاتف</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>بريد إلكتروني</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>عنوان موقع</translation>
    </message>
    <message>
        <source>Social media handle</source>
        <translation>حساب على وسائل التواصل</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>رقم هوية</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>لوحة مركبة</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>إحداثيات</translation>
    </message>
    <message>
        <source>Decision for {text}</source>
        <translation>القرار بشأن {text}</translation>
    </message>
    <message>
        <source>Redact (added by you)</source>
        <translation>حجب (أضفته أنت)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>حجب</translation>
    </message>
    <message>
        <source>Keep (reject)</source>
        <translation>إبقاء (رفض)</translation>
    </message>
    <message>
        <source>Select some words in the original text first.</source>
        <translation>حدّد بعض الكلمات في النص الأصلي أولاً.</translation>
    </message>
    <message>
        <source>Decisions saved and recorded in the custody log.</source>
        <translation>حُفظت القرارات وسُجّلت في سجل العهدة.</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Cancelled; nothing was stored</source>
        <translation>أُلغي؛ لم يُحفظ شيء</translation>
    </message>
    <message>
        <source>The passphrase must not be empty</source>
        <translation>يجب ألا تكون عبارة المرور فارغة</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least {minimum} characters, better four or more words</source>
        <translation>عبارة المرور قصيرة جداً: استخدم {minimum} أحرف على الأقل، والأفضل أربع كلمات أو أكثر</translation>
    </message>
    <message>
        <source>The passphrase is too weak (easy to guess): use four or more words or a longer phrase</source>
        <translation>عبارة المرور ضعيفة جداً (سهلة التخمين): استخدم أربع كلمات أو أكثر أو عبارة أطول</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed</source>
        <translation>عبارتا المرور مختلفتان؛ لم يتغير شيء</translation>
    </message>
    <message>
        <source>The duress passphrase must differ from the real one</source>
        <translation>يجب أن تختلف عبارة مرور الإكراه عن العبارة الحقيقية</translation>
    </message>
    <message>
        <source>The current passphrase is wrong; nothing was changed</source>
        <translation>عبارة المرور الحالية خاطئة؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>Wrong passphrase</source>
        <translation>عبارة مرور خاطئة</translation>
    </message>
    <message>
        <source>Wrong recovery code</source>
        <translation>رمز استرداد خاطئ</translation>
    </message>
    <message>
        <source>Wrong passphrase; {left} attempt(s) left before the vault is wiped</source>
        <translation>عبارة مرور خاطئة؛ بقيت {left} محاولة قبل مسح الخزنة</translation>
    </message>
    <message>
        <source>Wrong recovery code; {left} attempt(s) left before the vault is wiped</source>
        <translation>رمز استرداد خاطئ؛ بقيت {left} محاولة قبل مسح الخزنة</translation>
    </message>
    <message>
        <source>Too many failed unlocks ({failures}): the vault was wiped, as its settings asked</source>
        <translation>محاولات فتح فاشلة كثيرة ({failures}): مُسحت الخزنة كما تطلب إعداداتها</translation>
    </message>
    <message>
        <source>The number of failed unlocks before a wipe must be between 0 (off) and {maximum}</source>
        <translation>يجب أن يكون عدد محاولات الفتح الفاشلة قبل المسح بين 0 (معطّل) و{maximum}</translation>
    </message>
    <message>
        <source>A vault already exists at {path}; refusing to overwrite it</source>
        <translation>توجد خزنة في {path} بالفعل؛ لن تُستبدل</translation>
    </message>
    <message>
        <source>No vault at {path}</source>
        <translation>لا توجد خزنة في {path}</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>الخزنة مقفلة</translation>
    </message>
    <message>
        <source>Key derivation parameters below the floor (m=64 MiB, t=3) are refused</source>
        <translation>تُرفض معاملات اشتقاق المفتاح الأدنى من الحد (m=64 MiB، t=3)</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); the vault's key slots cannot be read and it cannot be opened</source>
        <translation>الملف {path} تالف ({reason})؛ لا يمكن قراءة خانات مفاتيح الخزنة ولا فتحها</translation>
    </message>
    <message>
        <source>{path} is missing: the vault's keys are gone (wiped or deleted); it cannot be opened</source>
        <translation>الملف {path} مفقود: مفاتيح الخزنة ذهبت (مُسحت أو حُذفت)؛ لا يمكن فتحها</translation>
    </message>
    <message>
        <source>The key slots are damaged (an interrupted key change cannot be finished)</source>
        <translation>خانات المفاتيح تالفة (لا يمكن إتمام تغيير مفاتيح انقطع)</translation>
    </message>
    <message>
        <source>Quick wipe destroys the vault for good; repeat with --yes to do it</source>
        <translation>المسح السريع يدمّر الخزنة نهائياً؛ كرّر الأمر مع ‎--yes‎ لتنفيذه</translation>
    </message>
    <message>
        <source>{count} invalid answer(s); nothing was saved</source>
        <translation>{count} إجابة غير صالحة؛ لم يُحفظ شيء</translation>
    </message>
    <message>
        <source>No record {record_id}</source>
        <translation>لا يوجد سجل {record_id}</translation>
    </message>
    <message>
        <source>{path} already exists; choose another file name</source>
        <translation>الملف {path} موجود بالفعل؛ اختر اسماً آخر</translation>
    </message>
    <message>
        <source>{path} is inside the vault at {vault}; choose a file outside it</source>
        <translation>الملف {path} داخل الخزنة الموجودة في {vault}؛ اختر ملفاً خارجها</translation>
    </message>
    <message>
        <source>Cannot write {path}: its folder does not exist</source>
        <translation>تعذّرت كتابة {path}: المجلد غير موجود</translation>
    </message>
    <message>
        <source>Bundle refused: it was signed by a device not seen before ({fingerprint})</source>
        <translation>رُفضت الحزمة: وقّعها جهاز لم يُرَ من قبل ({fingerprint})</translation>
    </message>
    <message>
        <source>Bundle refused: the researcher {researcher}'s device key has changed (was {known_fingerprint}, now {fingerprint})</source>
        <translation>رُفضت الحزمة: تغيّر مفتاح جهاز الباحث {researcher} (كان {known_fingerprint}، والآن {fingerprint})</translation>
    </message>
    <message>
        <source>Bundle refused: it is signed by device {fingerprint}, not by the device you accepted ({expected}); nothing was changed</source>
        <translation>رُفضت الحزمة: وقّعها الجهاز {fingerprint}، لا الجهاز الذي قبلته ({expected})؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>{count} interview(s) have narratives nobody reviewed ({records}): review them first, or send them with automatic redaction only (--send-unreviewed)</source>
        <translation>في {count} مقابلة (مقابلات) روايات لم يراجعها أحد ({records}): راجعها أولاً، أو أرسلها بالحجب الآلي وحده (--send-unreviewed)</translation>
    </message>
    <message>
        <source>Bundle refused: it is not a bundle (not an age-encrypted file)</source>
        <translation>رُفضت الحزمة: ليست حزمة (ليست ملفاً مشفّراً بصيغة age)</translation>
    </message>
    <message>
        <source>Bundle refused: it is ASCII-armored; bundles are binary age files (decode it with 'age -d' first)</source>
        <translation>رُفضت الحزمة: إنها مرمّزة نصياً (ASCII)؛ الحزم ملفات age ثنائية (فُكّ ترميزها أولاً بالأمر 'age -d')</translation>
    </message>
    <message>
        <source>Bundle refused: its age header is longer than {limit} bytes (a real bundle's is a few hundred)</source>
        <translation>رُفضت الحزمة: ترويسة age فيها أطول من {limit} بايت (ترويسة الحزمة الحقيقية بضع مئات من البايتات)</translation>
    </message>
    <message>
        <source>Bundle refused: its age header lists {count} recipients (at most {limit} are accepted)</source>
        <translation>رُفضت الحزمة: ترويسة age فيها تذكر {count} مستلِماً (يُقبل {limit} على الأكثر)</translation>
    </message>
    <message>
        <source>Bundle refused: it was made for another headquarters (recipient {recipient}), not this one ({ours})</source>
        <translation>رُفضت الحزمة: أُعدّت لمقرّ آخر (المستلِم {recipient})، لا لهذا المقرّ ({ours})</translation>
    </message>
    <message>
        <source>Bundle refused: device {fingerprint} is registered for researcher {bound}, but this bundle claims researcher {researcher}; verify with the researchers before accepting it (--accept-changed-key)</source>
        <translation>رُفضت الحزمة: الجهاز {fingerprint} مسجَّل للباحث {bound}، لكن هذه الحزمة تنسب نفسها إلى الباحث {researcher}؛ تحقّق مع الباحثَين قبل قبولها (--accept-changed-key)</translation>
    </message>
    <message>
        <source>Bundle refused: device {fingerprint} is registered for researcher {bound}, but this bundle claims researcher {researcher}, whose device is {known_fingerprint}</source>
        <translation>رُفضت الحزمة: الجهاز {fingerprint} مسجَّل للباحث {bound}، لكن هذه الحزمة تنسب نفسها إلى الباحث {researcher} الذي جهازه {known_fingerprint}</translation>
    </message>
    <message>
        <source>Bundle refused: record {record_id} was made with form {form_id} version {version}, which this headquarters does not have; install that form first</source>
        <translation>رُفضت الحزمة: السجل {record_id} أُنشئ بالاستمارة {form_id} بالإصدار {version}، وهي غير موجودة في هذا المقرّ؛ ثبّت تلك الاستمارة أولاً</translation>
    </message>
    <message>
        <source>Bundle refused: record {record_id} has answers that its form {form_id} {version} does not have ({keys}); nothing was imported</source>
        <translation>رُفضت الحزمة: في السجل {record_id} إجابات لا تعرفها استمارته {form_id} {version} ({keys})؛ لم يُستورد أي شيء</translation>
    </message>
    <message>
        <source>This forgets data on this laptop for good; repeat with --yes to do it</source>
        <translation>هذا ينسى بيانات على هذا الحاسوب نهائياً؛ كرّر الأمر مع ‎--yes‎ لتنفيذه</translation>
    </message>
    <message>
        <source>The export format is huridocs or uwazi</source>
        <translation>صيغة التصدير huridocs أو uwazi</translation>
    </message>
    <message>
        <source>The report language is 'en' or 'ar'</source>
        <translation>لغة التقرير 'en' أو 'ar'</translation>
    </message>
    <message>
        <source>The report's digits are 'native' (Arabic-Indic in Arabic) or 'western', not {digits}</source>
        <translation>أرقام التقرير 'native' (أرقام عربية مشرقية في العربية) أو 'western'، لا {digits}</translation>
    </message>
    <message>
        <source>An incident needs a place (a city of the gazetteer)</source>
        <translation>تحتاج الحادثة إلى مكان (مدينة من دليل الأماكن)</translation>
    </message>
    <message>
        <source>'{city}' is not a city of the gazetteer</source>
        <translation>«{city}» ليست مدينة في دليل الأماكن</translation>
    </message>
    <message>
        <source>'{district}' is not a district of {city} in the gazetteer</source>
        <translation>«{district}» ليس حياً من أحياء {city} في دليل الأماكن</translation>
    </message>
    <message>
        <source>'{act_type}' is not a type of act of the vocabulary</source>
        <translation>«{act_type}» ليس نوعاً من أنواع الأفعال في المفردات</translation>
    </message>
    <message>
        <source>A person is a 'victim' or a perpetrator 'unit'</source>
        <translation>الشخص إما «ضحية» أو «وحدة» من الجهات المرتكبة</translation>
    </message>
    <message>
        <source>A mention is already itself</source>
        <translation>الإشارة هي نفسها أصلاً</translation>
    </message>
    <message>
        <source>Confirm at least two mentions as one 'victim' or 'unit'</source>
        <translation>أكّد إشارتين على الأقل بوصفهما «ضحية» أو «وحدة» واحدة</translation>
    </message>
    <message>
        <source>No person {person_id}</source>
        <translation>لا يوجد شخص {person_id}</translation>
    </message>
    <message>
        <source>The date is not a valid approximate date (day, month, part of month, year or range)</source>
        <translation>التاريخ ليس تاريخاً تقريبياً صالحاً (يوم، شهر، جزء من شهر، سنة أو فترة)</translation>
    </message>
    <message>
        <source>Testimony {record_id} has no act {act_index}</source>
        <translation>لا يوجد في الشهادة {record_id} فعل رقم {act_index}</translation>
    </message>
    <message>
        <source>Corroboration is one of: {levels}</source>
        <translation>مستوى التأكيد أحد: {levels}</translation>
    </message>
    <message>
        <source>No incident {incident_id}</source>
        <translation>لا توجد حادثة {incident_id}</translation>
    </message>
    <message>
        <source>Quote only testimonies attached to this incident</source>
        <translation>اقتبس فقط من الشهادات الملحقة بهذه الحادثة</translation>
    </message>
    <message>
        <source>Testimony {record_id} has no text at {field_path}</source>
        <translation>لا يوجد نص في الشهادة {record_id} عند {field_path}</translation>
    </message>
    <message>
        <source>The quotation must be a part of the text</source>
        <translation>يجب أن يكون الاقتباس جزءاً من النص</translation>
    </message>
    <message>
        <source>A proposal joins acts of at least two testimonies</source>
        <translation>يجمع الاقتراح أفعالاً من شهادتين على الأقل</translation>
    </message>
    <message>
        <source>A proposal names acts that do not exist</source>
        <translation>يذكر الاقتراح أفعالاً غير موجودة</translation>
    </message>
    <message>
        <source>Nothing to change, or a field an incident does not have</source>
        <translation>لا شيء لتغييره، أو حقل ليس من حقول الحادثة</translation>
    </message>
    <message>
        <source>That act is not attached to this incident</source>
        <translation>هذا الفعل غير ملحق بهذه الحادثة</translation>
    </message>
    <message>
        <source>That mention is not part of a person</source>
        <translation>هذه الإشارة ليست جزءاً من أي شخص</translation>
    </message>
    <message>
        <source>This file is too large to be a recipient card</source>
        <translation>هذا الملف أكبر من أن يكون بطاقة مستلم</translation>
    </message>
    <message>
        <source>This is not a valid recipient card (damaged or of another format)</source>
        <translation>هذه ليست بطاقة مستلم صالحة (تالفة أو بصيغة أخرى)</translation>
    </message>
    <message>
        <source>The card's printed fingerprint does not match its keys; it was altered</source>
        <translation>البصمة المطبوعة على البطاقة لا تطابق مفاتيحها؛ لقد عُدّلت</translation>
    </message>
    <message>
        <source>The organisation name must not be empty</source>
        <translation>يجب ألا يكون اسم المنظمة فارغاً</translation>
    </message>
    <message>
        <source>This is a field vault, not a headquarters (analyst) vault</source>
        <translation>هذه خزنة ميدانية، وليست خزنة مقر (للمحللين)</translation>
    </message>
    <message>
        <source>No trusted recipient with fingerprint {fingerprint}; register its card first (testimony hq trust CARD)</source>
        <translation>لا يوجد مستلم موثوق بالبصمة {fingerprint}؛ سجّل بطاقته أولاً (testimony hq trust CARD)</translation>
    </message>
    <message>
        <source>No imported bundle {bundle_id}</source>
        <translation>لا توجد حزمة مستوردة {bundle_id}</translation>
    </message>
    <message>
        <source>This file is too large to be a receipt</source>
        <translation>هذا الملف أكبر من أن يكون إيصالاً</translation>
    </message>
    <message>
        <source>This is not a valid receipt file</source>
        <translation>هذا ليس ملف إيصال صالحاً</translation>
    </message>
    <message>
        <source>The receipt's signature is not valid; it was altered or not made by headquarters</source>
        <translation>توقيع الإيصال غير صالح؛ فقد عُدّل أو لم يصدر عن المقر</translation>
    </message>
    <message>
        <source>This receipt is for a bundle this vault did not send to that recipient</source>
        <translation>هذا الإيصال لحزمة لم ترسلها هذه الخزنة إلى ذلك المستلم</translation>
    </message>
    <message>
        <source>Choose 'identities' or 'records'</source>
        <translation>اختر «identities» أو «records»</translation>
    </message>
    <message>
        <source>Headquarters did not receive the whole of record {record_id} (identities or original attachments stayed here); it was not deleted</source>
        <translation>لم يستلم المقر السجل {record_id} كاملاً (بقيت الهويات أو المرفقات الأصلية هنا)؛ لم يُحذف</translation>
    </message>
    <message>
        <source>Record {record_id} has no receipt from headquarters; nothing was forgotten</source>
        <translation>لا يوجد للسجل {record_id} إيصال من المقر؛ لم يُنسَ شيء</translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <source>None added yet.</source>
        <translation>لم يُضف شيء بعد.</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>أضف إدخالاً</translation>
    </message>
    <message>
        <source>{add} ({list})</source>
        <translation>{add} ({list})</translation>
    </message>
    <message>
        <source>{entry} {n}</source>
        <translation>{entry} {n}</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>إدخال</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report draft</source>
        <translation>مسودة تقرير</translation>
    </message>
    <message>
        <source>{n} incidents chosen. Quotations come from redacted narratives; victims are named only when killed, or disappeared with their family's agreement.</source>
        <translation>الحوادث المختارة: {n}. الاقتباسات مأخوذة من الروايات بعد الحجب؛ ولا تُذكر أسماء الضحايا إلا للقتلى، أو للمختفين بموافقة عائلاتهم.</translation>
    </message>
    <message>
        <source>All filed incidents. Quotations come from redacted narratives; victims are named only when killed, or disappeared with their family's agreement.</source>
        <translation>جميع الحوادث المسجّلة. الاقتباسات مأخوذة من الروايات بعد الحجب؛ ولا تُذكر أسماء الضحايا إلا للقتلى، أو للمختفين بموافقة عائلاتهم.</translation>
    </message>
    <message>
        <source>Report language</source>
        <translation>لغة التقرير</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>report-draft.pdf</source>
        <translation>report-draft.pdf</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
    <message>
        <source>Save the report draft</source>
        <translation>حفظ مسودة التقرير</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>اختر ملفاً أولاً.</translation>
    </message>
    <message>
        <source>{path} already exists; choose another file name.</source>
        <translation>{path} موجود مسبقاً؛ اختر اسم ملف آخر.</translation>
    </message>
    <message>
        <source>Writing the report draft…</source>
        <translation>جارٍ كتابة مسودة التقرير…</translation>
    </message>
    <message>
        <source>Report draft written to {path}.</source>
        <translation>كُتبت مسودة التقرير في {path}.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>أُلغي؛ لم يُكتب شيء.</translation>
    </message>
</context>
<context>
    <name>ReviewOverview</name>
    <message>
        <source>Detection progress</source>
        <translation>تقدّم الاكتشاف</translation>
    </message>
    <message>
        <source>Detect in all answers</source>
        <translation>اكتشف في كل الإجابات</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Keys: R redact · K keep · Y it is a name (uncertain words) · N next finding · P previous · Ctrl+S save. Undecided detections are redacted.</source>
        <translation>المفاتيح: R حجب · K إبقاء · Y إنه اسم (للكلمات غير المؤكدة) · N الاكتشاف التالي · P السابق · Ctrl+S حفظ. ما لم تقرّر فيه يُحجب.</translation>
    </message>
    <message>
        <source>Answers with findings</source>
        <translation>الإجابات واكتشافاتها</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>الاكتشافات</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>بلا قرار</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>الإجابة</translation>
    </message>
    <message>
        <source>Findings in this answer</source>
        <translation>الاكتشافات في هذه الإجابة</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Replacement</source>
        <translation>البديل</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>Original text</source>
        <translation>النص الأصلي</translation>
    </message>
    <message>
        <source>Save decisions</source>
        <translation>حفظ القرارات</translation>
    </message>
    <message>
        <source>Detecting identifying details in every answer…</source>
        <translation>جارٍ اكتشاف التفاصيل الكاشفة للهوية في كل الإجابات…</translation>
    </message>
    <message>
        <source>Detection cancelled.</source>
        <translation>أُلغي الاكتشاف.</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>تمت مراجعتها</translation>
    </message>
    <message>
        <source>changed or partly reviewed</source>
        <translation>تغيّرت أو رُوجعت جزئياً</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>لم تُراجَع</translation>
    </message>
    <message>
        <source>Run detection to see every answer's findings at once.</source>
        <translation>شغّل الاكتشاف لترى اكتشافات كل الإجابات دفعة واحدة.</translation>
    </message>
    <message>
        <source>{a} answers, {f} with findings, {u} undecided</source>
        <translation>{a} إجابة، {f} فيها اكتشافات، {u} بلا قرار</translation>
    </message>
    <message>
        <source>a name: redact</source>
        <translation>اسم: يُحجب</translation>
    </message>
    <message>
        <source>not a name: keep</source>
        <translation>ليس اسماً: يبقى</translation>
    </message>
    <message>
        <source>uncertain: is it a name?</source>
        <translation>غير مؤكد: هل هو اسم؟</translation>
    </message>
    <message>
        <source>redact</source>
        <translation>حجب</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>إبقاء</translation>
    </message>
    <message>
        <source>redact (added by you)</source>
        <translation>حجب (أضفته أنت)</translation>
    </message>
    <message>
        <source>undecided (redacted)</source>
        <translation>بلا قرار (محجوب)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>هاتف</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>بريد إلكتروني</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>عنوان موقع</translation>
    </message>
    <message>
        <source>Social media handle</source>
        <translation>حساب على وسائل التواصل</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>رقم هوية</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>لوحة مركبة</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>إحداثيات</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>غير مؤكد</translation>
    </message>
    <message>
        <source>{n} answer(s) reviewed and saved; {m} not yet (undecided findings, or not opened).</source>
        <translation>رُوجعت {n} إجابة وحُفظت؛ و{m} لم تُراجَع بعد (اكتشافات بلا قرار، أو لم تُفتح).</translation>
    </message>
    <message>
        <source>Every answer is reviewed; decisions saved.</source>
        <translation>رُوجعت كل الإجابات وحُفظت القرارات.</translation>
    </message>
</context>
<context>
    <name>SaveCopyDialog</name>
    <message>
        <source>Save a copy</source>
        <translation>حفظ نسخة</translation>
    </message>
    <message>
        <source>Save a decrypted copy of {name}</source>
        <translation>حفظ نسخة مفكوكة التشفير من {name}</translation>
    </message>
    <message>
        <source>The copy leaves the vault: it is written unencrypted where you choose, and anyone who gets the disk or the USB stick can read it. Taking it out is written to the custody log.</source>
        <translation>النسخة تخرج من الخزنة: تُكتب بلا تشفير في المكان الذي تختاره، ويستطيع قراءتها كل من يحصل على القرص أو وحدة USB. ويُسجَّل إخراجها في سجل الحفظ.</translation>
    </message>
    <message>
        <source>The cleaned copy (metadata removed)</source>
        <translation>النسخة المنظّفة (أُزيلت البيانات الوصفية)</translation>
    </message>
    <message>
        <source>The original file, with everything in it (GPS position, device, names)</source>
        <translation>الملف الأصلي بكل ما فيه (موقع GPS، الجهاز، الأسماء)</translation>
    </message>
    <message>
        <source>This file has no cleaned copy; only the original can be saved.</source>
        <translation>لا توجد نسخة منظّفة من هذا الملف؛ لا يمكن حفظ إلا الأصل.</translation>
    </message>
    <message>
        <source>Save the copy as</source>
        <translation>حفظ النسخة باسم</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>جارٍ الحفظ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Save the copy</source>
        <translation>حفظ النسخة</translation>
    </message>
    <message>
        <source>Choose where to save the copy.</source>
        <translation>اختر مكان حفظ النسخة.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Decrypting…</source>
        <translation>جارٍ فك التشفير…</translation>
    </message>
    <message>
        <source>Saved to {path}; SHA-256 checked: {sha}</source>
        <translation>حُفظت في {path}؛ وتم التحقق من SHA-256: {sha}</translation>
    </message>
</context>
<context>
    <name>SelectOneEditor</name>
    <message>
        <source>— not answered —</source>
        <translation>— بلا إجابة —</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;اللغة:</translation>
    </message>
    <message>
        <source>Arabic-Indic in Arabic (٠١٢٣)</source>
        <translation>أرقام عربية مشرقية في العربية (٠١٢٣)</translation>
    </message>
    <message>
        <source>Western everywhere (0123)</source>
        <translation>أرقام غربية في كل مكان (0123)</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <source>&amp;Digits:</source>
        <translation>ال&amp;أرقام:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <source>never</source>
        <translation>أبداً</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>القفل بعد دقائق الخمول</translation>
    </message>
    <message>
        <source>Lock after &amp;idle:</source>
        <translation>القفل بعد &amp;الخمول:</translation>
    </message>
    <message>
        <source>fingerprint of the headquarters recipient card</source>
        <translation>بصمة بطاقة المستلم في المقر</translation>
    </message>
    <message>
        <source>Default export recipient fingerprint</source>
        <translation>بصمة المستلم الافتراضي للتصدير</translation>
    </message>
    <message>
        <source>Default export &amp;recipient:</source>
        <translation>&amp;المستلم الافتراضي للتصدير:</translation>
    </message>
    <message>
        <source>the code headquarters gave you, e.g. R-07</source>
        <translation>الرمز الذي أعطاك إياه المقر، مثل R-07</translation>
    </message>
    <message>
        <source>Researcher code</source>
        <translation>رمز الباحث</translation>
    </message>
    <message>
        <source>Researcher &amp;code:</source>
        <translation>&amp;رمز الباحث:</translation>
    </message>
    <message>
        <source>This laptop's device fingerprint</source>
        <translation>بصمة جهاز هذا الحاسوب</translation>
    </message>
    <message>
        <source>Headquarters sees this fingerprint when it imports your first bundle; read it to them.</source>
        <translation>يرى المقر هذه البصمة عندما يستورد أول حزمة منك؛ اقرأها لهم.</translation>
    </message>
    <message>
        <source>Device fingerprint:</source>
        <translation>بصمة الجهاز:</translation>
    </message>
    <message>
        <source>Optional safety measures (off by default)</source>
        <translation>تدابير أمان اختيارية (معطّلة افتراضياً)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>معطّل</translation>
    </message>
    <message>
        <source>Wipe after failed unlocks</source>
        <translation>المسح بعد محاولات فتح فاشلة</translation>
    </message>
    <message>
        <source>Wipe after failed unlocks:</source>
        <translation>المسح بعد محاولات فتح فاشلة:</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>Repeat new passphrase</source>
        <translation>أعد كتابة عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>عبارة المرور الجديدة:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>إعادة:</translation>
    </message>
    <message>
        <source>Honestly: this protects against someone guessing at this application's unlock screen. It does not stop a person who copies the vault folder and guesses elsewhere; against that, only a long passphrase helps. A mistyped passphrase counts too, so a low number can destroy your own work.</source>
        <translation>بصراحة: هذا يحمي من شخص يخمّن في شاشة فتح هذا التطبيق. لكنه لا يوقف من ينسخ مجلد الخزنة ويخمّن في مكان آخر؛ ضد ذلك لا تنفع إلا عبارة مرور طويلة. وتُحسب العبارة المكتوبة خطأً أيضاً، لذا قد يؤدي رقم صغير إلى إتلاف عملك بنفسك.</translation>
    </message>
    <message>
        <source>Duress passphrase (optional)</source>
        <translation>عبارة المرور تحت الإكراه (اختيارية)</translation>
    </message>
    <message>
        <source>If you are forced to unlock, typing this second passphrase destroys the vault at once and opens an empty one, as if nothing had been recorded. Its key slot looks exactly like the real one. Honestly: a copy of the vault taken earlier is not destroyed, an empty vault may itself raise suspicion, and changing your passphrase removes the duress passphrase.</source>
        <translation>إذا أُجبرت على فتح الخزنة، فإن كتابة عبارة المرور الثانية هذه تتلف الخزنة فوراً وتفتح خزنة فارغة، كأن شيئاً لم يُسجَّل. مفتاحها المخزَّن يبدو تماماً مثل المفتاح الحقيقي. بصراحة: لا تُتلف أي نسخة من الخزنة أُخذت من قبل، وقد تثير الخزنة الفارغة نفسها الشك، وتغيير عبارة المرور يلغي عبارة الإكراه.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>عبارة المرور الحالية</translation>
    </message>
    <message>
        <source>Duress passphrase</source>
        <translation>عبارة المرور تحت الإكراه</translation>
    </message>
    <message>
        <source>Repeat duress passphrase</source>
        <translation>أعد كتابة عبارة المرور تحت الإكراه</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>عبارة المرور الحالية:</translation>
    </message>
    <message>
        <source>Duress passphrase:</source>
        <translation>عبارة الإكراه:</translation>
    </message>
    <message>
        <source>Set duress passphrase</source>
        <translation>تعيين عبارة الإكراه</translation>
    </message>
    <message>
        <source>The laptop may have been searched or copied: also replace every key (gives a new recovery code)</source>
        <translation>ربما فُتّش الحاسوب أو نُسخ: استبدل أيضاً كل مفاتيح الخزنة (يعطي رمز استرداد جديداً)</translation>
    </message>
    <message>
        <source>Type your current passphrase first.</source>
        <translation>اكتب عبارة المرور الحالية أولاً.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>جارٍ تغيير عبارة المرور…</translation>
    </message>
    <message>
        <source>Setting the duress passphrase…</source>
        <translation>جارٍ تعيين عبارة الإكراه…</translation>
    </message>
    <message>
        <source>Every key of the vault was replaced, so the old recovery code no longer works. New recovery code (write it down now; it is not shown again):</source>
        <translation>استُبدلت كل مفاتيح الخزنة، لذا لم يعد رمز الاسترداد القديم يعمل. رمز الاسترداد الجديد (اكتبه الآن؛ لن يُعرض مرة أخرى):</translation>
    </message>
    <message>
        <source>Duress passphrase set.</source>
        <translation>تم تعيين عبارة الإكراه.</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>تم تغيير عبارة المرور.</translation>
    </message>
    <message>
        <source>Passphrase changed. The recovery code still works.</source>
        <translation>تغيّرت عبارة المرور. رمز الاسترداد لا يزال صالحاً.</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <source>Testimony</source>
        <translation>شهادة</translation>
    </message>
    <message>
        <source>headquarters</source>
        <translation>المقر</translation>
    </message>
    <message>
        <source>field laptop</source>
        <translation>حاسوب الميدان</translation>
    </message>
    <message>
        <source>demo {where} (fictional data, wiped on exit)</source>
        <translation>عرض تجريبي: {where} (بيانات خيالية تُمحى عند الخروج)</translation>
    </message>
    <message>
        <source>Demo vault: the passphrase is “{p}”</source>
        <translation>خزنة تجريبية: عبارة المرور هي «{p}»</translation>
    </message>
    <message>
        <source>Unlock protection changed</source>
        <translation>تغيّرت حماية الفتح</translation>
    </message>
    <message>
        <source>The failed-unlock counter of this vault was changed or removed outside Testimony since the last unlock. Someone may have tried to guess the passphrase. The setting was restored and the event recorded in the custody log.</source>
        <translation>غُيّر عدّاد محاولات الفتح الفاشلة لهذه الخزنة أو حُذف خارج التطبيق منذ آخر فتح. ربما حاول أحدهم تخمين عبارة المرور. أُعيد الإعداد وسُجّل الحدث في سجل العهدة.</translation>
    </message>
    <message>
        <source>Locked. Enter your passphrase to continue.</source>
        <translation>مقفلة. أدخل عبارة المرور للمتابعة.</translation>
    </message>
</context>
<context>
    <name>SuggestionsPage</name>
    <message>
        <source>Find suggestions</source>
        <translation>البحث عن اقتراحات</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Progress of the suggestions</source>
        <translation>تقدّم الاقتراحات</translation>
    </message>
    <message>
        <source>Suggestions compare every testimony; nothing is linked until you accept.</source>
        <translation>تقارن الاقتراحات كل الشهادات؛ ولا يُربط شيء حتى توافق.</translation>
    </message>
    <message>
        <source>Possible incidents</source>
        <translation>حوادث محتملة</translation>
    </message>
    <message>
        <source>File as one incident</source>
        <translation>تسجيلها حادثةً واحدة</translation>
    </message>
    <message>
        <source>Not one incident</source>
        <translation>ليست حادثة واحدة</translation>
    </message>
    <message>
        <source>Possible same victims</source>
        <translation>ضحايا قد يكونون الشخص نفسه</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>الشخص نفسه</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>ليس الشخص نفسه</translation>
    </message>
    <message>
        <source>Possible same units</source>
        <translation>وحدات قد تكون الوحدة نفسها</translation>
    </message>
    <message>
        <source>Same unit</source>
        <translation>الوحدة نفسها</translation>
    </message>
    <message>
        <source>Not the same unit</source>
        <translation>ليست الوحدة نفسها</translation>
    </message>
    <message>
        <source>Comparing testimonies…</source>
        <translation>جارٍ مقارنة الشهادات…</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>أُلغي؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>{i} possible incidents, {p} possible same victims, {u} possible same units. Names were compared in {n} testimonies whose identities headquarters received; they are not shown here.</source>
        <translation>حوادث محتملة: {i}، ضحايا قد يكونون الشخص نفسه: {p}، وحدات قد تكون نفسها: {u}. قورنت الأسماء في {n} من الشهادات التي وصلت هوياتها إلى المقر؛ ولا تُعرض هنا.</translation>
    </message>
    <message>
        <source>age {age}</source>
        <translation>العمر {age}</translation>
    </message>
    <message>
        <source>{act}: victim ({details})</source>
        <translation>{act}: ضحية ({details})</translation>
    </message>
    <message>
        <source>{n} testimonies — {reasons}</source>
        <translation>الشهادات: {n} — {reasons}</translation>
    </message>
    <message>
        <source>{a}
{b}
    {score}: {reasons}</source>
        <translation>{a}
{b}
    {score}: {reasons}</translation>
    </message>
    <message>
        <source>{force}: “{a}” and “{b}”, {n} testimonies — {reasons}</source>
        <translation>{force}: «{a}» و«{b}»، الشهادات: {n} — {reasons}</translation>
    </message>
    <message>
        <source>Filed as one incident: {n} testimonies (Incidents tab).</source>
        <translation>سُجّلت حادثةً واحدة: {n} شهادات (تبويب الحوادث).</translation>
    </message>
    <message>
        <source>Not one incident: this suggestion will not be made again.</source>
        <translation>ليست حادثة واحدة: لن يُقترح هذا مرة أخرى.</translation>
    </message>
    <message>
        <source>Confirmed as one person (People tab).</source>
        <translation>أُكّد أنهما شخص واحد (تبويب الأشخاص).</translation>
    </message>
    <message>
        <source>Not the same person: this pair will not be suggested again.</source>
        <translation>ليسا الشخص نفسه: لن يُقترح هذا الزوج مرة أخرى.</translation>
    </message>
    <message>
        <source>Confirmed as one unit (People tab).</source>
        <translation>أُكّد أنها وحدة واحدة (تبويب الأشخاص).</translation>
    </message>
    <message>
        <source>Not the same unit: this pair will not be suggested again.</source>
        <translation>ليستا الوحدة نفسها: لن يُقترح هذا الزوج مرة أخرى.</translation>
    </message>
</context>
<context>
    <name>TestimoniesModel</name>
    <message>
        <source>Interview type</source>
        <translation>نوع المقابلة</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>الانتهاكات</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation>الباحث</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>أين</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>النسخة</translation>
    </message>
</context>
<context>
    <name>TestimoniesView</name>
    <message>
        <source>Search all testimonies (words in answers)</source>
        <translation>ابحث في كل الشهادات (كلمات من الإجابات)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Interview type filter</source>
        <translation>تصفية حسب نوع المقابلة</translation>
    </message>
    <message>
        <source>All interview types</source>
        <translation>كل أنواع المقابلات</translation>
    </message>
    <message>
        <source>Violation filter</source>
        <translation>تصفية حسب الانتهاك</translation>
    </message>
    <message>
        <source>All violations</source>
        <translation>كل الانتهاكات</translation>
    </message>
    <message>
        <source>Perpetrator filter</source>
        <translation>تصفية حسب الجهة المتهمة</translation>
    </message>
    <message>
        <source>All perpetrators</source>
        <translation>كل الجهات المتهمة</translation>
    </message>
    <message>
        <source>Neighbourhood filter</source>
        <translation>تصفية حسب الحي</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>كل الأماكن</translation>
    </message>
    <message>
        <source>Acts from</source>
        <translation>الأفعال من</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Acts from date</source>
        <translation>الأفعال من تاريخ</translation>
    </message>
    <message>
        <source>Acts to date</source>
        <translation>الأفعال حتى تاريخ</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>الأعداد</translation>
    </message>
    <message>
        <source>Same incident</source>
        <translation>الحادثة نفسها</translation>
    </message>
    <message>
        <source>Link the two selected testimonies: they describe the same incident</source>
        <translation>اربط الشهادتين المحددتين: تصفان الحادثة نفسها</translation>
    </message>
    <message>
        <source>Same victim</source>
        <translation>الضحية نفسها</translation>
    </message>
    <message>
        <source>Link the two selected testimonies: they concern the same victim</source>
        <translation>اربط الشهادتين المحددتين: تتعلقان بالضحية نفسها</translation>
    </message>
    <message>
        <source>Select two to link:</source>
        <translation>حدّد اثنتين لربطهما:</translation>
    </message>
    <message>
        <source>No testimonies yet. Import a bundle from the field (“Import bundle…”).</source>
        <translation>لا شهادات بعد. استورد حزمة من الميدان («استيراد حزمة…»).</translation>
    </message>
    <message>
        <source>{shown} shown · {total} testimonies</source>
        <translation>المعروض: {shown} من أصل {total} شهادة</translation>
    </message>
    <message>
        <source>Select exactly two testimonies to link them.</source>
        <translation>حدّد شهادتين بالضبط لربطهما.</translation>
    </message>
    <message>
        <source>Linked {a} and {b} as the same incident.</source>
        <translation>رُبطت {a} و{b} على أنهما الحادثة نفسها.</translation>
    </message>
    <message>
        <source>Linked {a} and {b} as the same victim.</source>
        <translation>رُبطت {a} و{b} على أنهما تخصان الضحية نفسها.</translation>
    </message>
</context>
<context>
    <name>TimeEditor</name>
    <message>
        <source>Time precision</source>
        <translation>دقة الوقت</translation>
    </message>
    <message>
        <source>— not answered —</source>
        <translation>— بلا إجابة —</translation>
    </message>
    <message>
        <source>Exact time</source>
        <translation>وقت محدد</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>فترة من اليوم</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>صباحاً</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>بعد الظهر</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>مساءً</translation>
    </message>
    <message>
        <source>night</source>
        <translation>ليلاً</translation>
    </message>
</context>
<context>
    <name>TrustedRecipientsDialog</name>
    <message>
        <source>Trusted recipients</source>
        <translation>المستلمون الموثوقون</translation>
    </message>
    <message>
        <source>Headquarters this laptop may send bundles to</source>
        <translation>المقرات التي يجوز لهذا الحاسوب إرسال الحزم إليها</translation>
    </message>
    <message>
        <source>A bundle can only be opened by the headquarters whose card you trust. Register a card only after comparing its fingerprint with headquarters by voice or on paper: a forged card would send your interviews to someone else.</source>
        <translation>لا يفتح الحزمةَ إلا المقرُّ الذي تثق ببطاقته. لا تسجّل بطاقة إلا بعد مقارنة بصمتها مع المقر صوتياً أو على الورق: البطاقة المزوّرة ترسل مقابلاتك إلى شخص آخر.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>المنظمة</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>البصمة</translation>
    </message>
    <message>
        <source>Compare this fingerprint with headquarters (read it aloud on a call, or check their paper copy). Register the card only if every group matches.</source>
        <translation>قارن هذه البصمة مع المقر (اقرأها بصوت عالٍ في مكالمة، أو طابقها مع نسختهم الورقية). لا تسجّل البطاقة إلا إذا تطابقت كل المجموعات.</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>المنظمة:</translation>
    </message>
    <message>
        <source>Card fingerprint</source>
        <translation>بصمة البطاقة</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>البصمة:</translation>
    </message>
    <message>
        <source>Headquarters confirmed this exact fingerprint</source>
        <translation>أكّد المقر هذه البصمة بعينها</translation>
    </message>
    <message>
        <source>Do not register</source>
        <translation>لا تسجّل</translation>
    </message>
    <message>
        <source>Register this card</source>
        <translation>سجّل هذه البطاقة</translation>
    </message>
    <message>
        <source>Import a card…</source>
        <translation>استيراد بطاقة…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>No headquarters card registered yet.</source>
        <translation>لم تُسجَّل بطاقة مقر بعد.</translation>
    </message>
    <message>
        <source>Headquarters recipient card</source>
        <translation>بطاقة المستلم في المقر</translation>
    </message>
    <message>
        <source>Recipient cards (*.json);;All files (*)</source>
        <translation>بطاقات المستلم (*.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>The card was not registered.</source>
        <translation>لم تُسجَّل البطاقة.</translation>
    </message>
    <message>
        <source>Registered {org}. You can now export bundles to it.</source>
        <translation>سُجّلت {org}. يمكنك الآن تصدير الحزم إليها.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlock the vault</source>
        <translation>افتح الخزنة</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>أدخل عبارة المرور.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>رسالة الفتح</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>جارٍ الفتح</translation>
    </message>
    <message>
        <source>Deriving the key… this is slow on purpose.</source>
        <translation>جارٍ اشتقاق المفتاح… البطء مقصود.</translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation>استخدم رمز الاسترداد بدلاً من ذلك</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Vault: {path}</source>
        <translation>الخزنة: {path}</translation>
    </message>
    <message>
        <source>Quick wipe…</source>
        <translation>مسح سريع…</translation>
    </message>
    <message>
        <source>Enter the recovery code from your paper copy. After unlocking, set a new passphrase in Settings.</source>
        <translation>أدخل رمز الاسترداد من نسختك الورقية. بعد الفتح، عيّن عبارة مرور جديدة من الإعدادات.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>رمز الاسترداد</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>استخدم عبارة المرور بدلاً من ذلك</translation>
    </message>
    <message>
        <source>Enter your passphrase first.</source>
        <translation>أدخل عبارة المرور أولاً.</translation>
    </message>
    <message>
        <source>Enter the recovery code first.</source>
        <translation>أدخل رمز الاسترداد أولاً.</translation>
    </message>
    <message>
        <source>Wrong recovery code. Check it against your paper copy.</source>
        <translation>رمز استرداد خاطئ. قارنه بنسختك الورقية.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check the keyboard layout and Caps Lock, then try again.</source>
        <translation>عبارة مرور خاطئة. تحقّق من لغة لوحة المفاتيح ومن مفتاح الأحرف الكبيرة، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>{n} attempt(s) left before the vault is wiped.</source>
        <translation>تبقّت {n} محاولة قبل مسح الخزنة.</translation>
    </message>
</context>
<context>
    <name>VideoFaceReviewDialog</name>
    <message>
        <source>Hide faces in a video</source>
        <translation>إخفاء الوجوه في فيديو</translation>
    </message>
    <message>
        <source>These are frames from across the video, with the faces the detector found on each (dashed). When you hide the faces, it looks for faces on one frame in five of the whole video and fills them, also in the frames between. Draw a box on a frame for anything it misses: boxes you draw are filled in every frame. The original stays in the vault.</source>
        <translation>هذه لقطات من أنحاء الفيديو، وعلى كل منها الوجوه التي وجدها الكاشف (بخط متقطع). عند إخفاء الوجوه يبحث عن الوجوه في لقطة من كل خمس لقطات في الفيديو كله ويملؤها، وفي اللقطات التي بينها أيضًا. ارسم مربعًا على لقطة لكل ما يفوته: المربعات التي ترسمها تُملأ في كل لقطة. يبقى الأصل في الخزنة.</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>اللقطة السابقة</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>اللقطة التالية</translation>
    </message>
    <message>
        <source>Hiding the faces</source>
        <translation>إخفاء الوجوه</translation>
    </message>
    <message>
        <source>Decrypting the video and looking for faces on frames across it…</source>
        <translation>جارٍ فك تشفير الفيديو والبحث عن الوجوه في لقطات من أنحائه…</translation>
    </message>
    <message>
        <source>No frame of this video can be shown.</source>
        <translation>لا يمكن عرض أي لقطة من هذا الفيديو.</translation>
    </message>
    <message>
        <source>Faces found on {found} of {n} frames shown. Check each frame.</source>
        <translation>وُجدت وجوه في {found} من {n} لقطات معروضة. افحص كل لقطة.</translation>
    </message>
    <message>
        <source>Frame {i} of {n}, at {t} s: {k} face(s) found</source>
        <translation>اللقطة {i} من {n}، عند {t} ث: وُجد {k} وجه</translation>
    </message>
    <message>
        <source>Make a copy of the video with every face the detector finds filled, and {n} area(s) drawn by hand filled in every frame? The picture is re-encoded; the sound is copied as it is. This can take a while.</source>
        <translation>هل تريد إنشاء نسخة من الفيديو تُملأ فيها كل الوجوه التي يجدها الكاشف، وتُملأ {n} منطقة مرسومة باليد في كل لقطة؟ يُعاد ترميز الصورة؛ ويُنسخ الصوت كما هو. قد يستغرق هذا بعض الوقت.</translation>
    </message>
    <message>
        <source>Hide faces</source>
        <translation>إخفاء الوجوه</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Hiding the faces in every frame…</source>
        <translation>جارٍ إخفاء الوجوه في كل لقطة…</translation>
    </message>
    <message>
        <source>Done: faces filled in the {frames} frames of the copy that will be sent.</source>
        <translation>تم: مُلئت الوجوه في لقطات النسخة التي ستُرسل وعددها {frames}.</translation>
    </message>
    <message>
        <source>Cancelled: no copy was made.</source>
        <translation>أُلغي: لم تُنشأ أي نسخة.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>YesNoUnknownEditor</name>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>غير معروف</translation>
    </message>
</context>
<context>
    <name>self.model</name>
    <message>
        <source>{status}, revision {n}</source>
        <translation>{status}، المراجعة {n}</translation>
    </message>
</context>
</TS>