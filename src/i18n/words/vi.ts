/** Từ do số liệu chọn (ý nghĩa từng khóa: src/i18n/schema-words.ts). Tiếng Việt không chia số nhiều: mọi dạng như nhau. */
// Not typed by the schema here (that import would close a cycle through schemas/questionnaire.ts): src/i18n/schema.ts checks it.
export const words = {
  status: { met: 'đạt', atRisk: 'có nguy cơ', missed: 'không đạt', notMeasured: 'chưa đo' },
  count: {
    met: { zero: 'không tiêu chuẩn nào trong {total} tiêu chuẩn đạt', one: '{n} trong {total} tiêu chuẩn đạt', other: '{n} trong {total} tiêu chuẩn đạt' },
    atRisk: {
      zero: 'không tiêu chuẩn nào trong {total} tiêu chuẩn có nguy cơ',
      one: '{n} trong {total} tiêu chuẩn có nguy cơ',
      other: '{n} trong {total} tiêu chuẩn có nguy cơ',
    },
    missed: {
      zero: 'không tiêu chuẩn nào trong {total} tiêu chuẩn không đạt',
      one: '{n} trong {total} tiêu chuẩn không đạt',
      other: '{n} trong {total} tiêu chuẩn không đạt',
    },
    notMeasured: {
      zero: 'mọi tiêu chuẩn trong {total} tiêu chuẩn đều đã đo',
      one: '{n} trong {total} tiêu chuẩn chưa đo',
      other: '{n} trong {total} tiêu chuẩn chưa đo',
    },
  },
  numbers: {
    standards: ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai'],
    gaps: ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai'],
  },
  change: {
    roseSignificantly: 'tăng có ý nghĩa thống kê',
    fellSignificantly: 'giảm có ý nghĩa thống kê',
    roseNotSignificantly: 'tăng, nhưng không có ý nghĩa thống kê',
    fellNotSignificantly: 'giảm, nhưng không có ý nghĩa thống kê',
    unchanged: 'không thay đổi',
    significant: 'có ý nghĩa thống kê',
    withinMargin: 'nằm trong sai số biên',
  },
  compare: { below: 'thấp hơn trung vị ngành {industry} {v}', above: 'cao hơn trung vị ngành {industry} {v}', level: 'ngang trung vị ngành {industry}' },
  npsPoints: '{v} điểm',
  rank: { widest: 'khoảng cách lớn nhất trong {n} khoảng cách', narrowest: 'khoảng cách nhỏ nhất trong {n} khoảng cách' },
};
