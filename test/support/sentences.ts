/**
 * Vietnamese sentences that begin with the same letters (Nh, Th, Tr, Ng), as a provincial
 * story's often do: where a deletion placed by a prefix/suffix difference lands on the wrong
 * characters, for the merge tests of the plain fields and the body.
 */
export const SENTENCES_ALIKE: readonly string[] = [
  'Nhiều xã đã huy động dân làm đường.',
  'Những kết quả rất tốt.',
  'Nhân dân đồng tình ủng hộ.',
  'Thôn bản được sửa sang.',
  'Thủ tục được rút gọn.',
  'Thông tin đến kịp thời.',
  'Trường học được xây mới.',
  'Trong năm có nhiều đổi mới.',
  'Người dân phấn khởi.',
  'Ngày hội diễn ra vui vẻ.',
  'Ngành giáo dục được quan tâm.',
];
