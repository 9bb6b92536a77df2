/**
 * The IPTC Media Topics an event may be filed under: the 17 top-level topics and a choice of
 * second-level ones a Vietnamese newsroom uses most. Codes and English labels are IPTC's
 * (https://cv.iptc.org/newscodes/mediatopic/, retired topics left out); the Vietnamese labels
 * are ours. The article keeps only the codes.
 */
export interface MediaTopic {
  readonly code: `medtop:${string}`;
  /** The top-level topic it belongs to (itself for a top-level one). */
  readonly parent: `medtop:${string}`;
  readonly en: string;
  readonly vi: string;
}

const top = (code: `medtop:${string}`, en: string, vi: string): MediaTopic => ({ code, parent: code, en, vi });
const sub = (parent: `medtop:${string}`, code: `medtop:${string}`, en: string, vi: string): MediaTopic => ({ code, parent, en, vi });

const ARTS = 'medtop:01000000';
const CRIME = 'medtop:02000000';
const DISASTER = 'medtop:03000000';
const ECONOMY = 'medtop:04000000';
const EDUCATION = 'medtop:05000000';
const ENVIRONMENT = 'medtop:06000000';
const HEALTH = 'medtop:07000000';
const HUMAN = 'medtop:08000000';
const LABOUR = 'medtop:09000000';
const LIFESTYLE = 'medtop:10000000';
const POLITICS = 'medtop:11000000';
const RELIGION = 'medtop:12000000';
const SCIENCE = 'medtop:13000000';
const SOCIETY = 'medtop:14000000';
const SPORT = 'medtop:15000000';
const CONFLICT = 'medtop:16000000';
const WEATHER = 'medtop:17000000';

export const MEDIA_TOPICS: readonly MediaTopic[] = [
  top(ARTS, 'arts, culture, entertainment and media', 'văn hoá, nghệ thuật, giải trí và truyền thông'),
  sub(ARTS, 'medtop:20000002', 'arts and entertainment', 'nghệ thuật và giải trí'),
  sub(ARTS, 'medtop:20000038', 'culture', 'văn hoá'),
  sub(ARTS, 'medtop:20000045', 'mass media', 'báo chí, truyền thông đại chúng'),
  top(CRIME, 'crime, law and justice', 'tội phạm, pháp luật và tư pháp'),
  sub(CRIME, 'medtop:20000082', 'crime', 'tội phạm'),
  sub(CRIME, 'medtop:20000106', 'judiciary', 'toà án, tư pháp'),
  sub(CRIME, 'medtop:20000121', 'law', 'luật pháp'),
  sub(CRIME, 'medtop:20000129', 'law enforcement', 'thực thi pháp luật'),
  top(DISASTER, 'disaster, accident and emergency incident', 'thiên tai, tai nạn và sự cố khẩn cấp'),
  sub(DISASTER, 'medtop:20000139', 'accident and emergency incident', 'tai nạn và sự cố'),
  sub(DISASTER, 'medtop:20000148', 'disaster', 'thảm hoạ, thiên tai'),
  sub(DISASTER, 'medtop:20000168', 'emergency response', 'cứu hộ, ứng phó khẩn cấp'),
  top(ECONOMY, 'economy, business and finance', 'kinh tế, kinh doanh và tài chính'),
  sub(ECONOMY, 'medtop:20000170', 'business information', 'thông tin doanh nghiệp'),
  sub(ECONOMY, 'medtop:20000209', 'economic sector', 'ngành kinh tế'),
  sub(ECONOMY, 'medtop:20000344', 'economy', 'kinh tế vĩ mô'),
  sub(ECONOMY, 'medtop:20000385', 'market and exchange', 'thị trường, chứng khoán'),
  top(EDUCATION, 'education', 'giáo dục'),
  sub(EDUCATION, 'medtop:20000400', 'school', 'trường học'),
  sub(EDUCATION, 'medtop:20000413', 'educational testing and examinations', 'thi cử, kiểm tra'),
  sub(EDUCATION, 'medtop:20001338', 'education policy', 'chính sách giáo dục'),
  top(ENVIRONMENT, 'environment', 'môi trường'),
  sub(ENVIRONMENT, 'medtop:20000418', 'climate change', 'biến đổi khí hậu'),
  sub(ENVIRONMENT, 'medtop:20000420', 'conservation', 'bảo tồn'),
  sub(ENVIRONMENT, 'medtop:20000424', 'environmental pollution', 'ô nhiễm môi trường'),
  sub(ENVIRONMENT, 'medtop:20000430', 'natural resources', 'tài nguyên thiên nhiên'),
  top(HEALTH, 'health', 'y tế, sức khoẻ'),
  sub(HEALTH, 'medtop:20000446', 'diseases and conditions', 'bệnh tật'),
  sub(HEALTH, 'medtop:20000461', 'health facility', 'cơ sở y tế'),
  sub(HEALTH, 'medtop:20000480', 'government health care', 'y tế công'),
  top(HUMAN, 'human interest', 'đời sống, con người'),
  sub(HUMAN, 'medtop:20001237', 'anniversary', 'kỷ niệm'),
  sub(HUMAN, 'medtop:20000498', 'award and prize', 'giải thưởng'),
  sub(HUMAN, 'medtop:20000501', 'ceremony', 'lễ, nghi lễ'),
  top(LABOUR, 'labour', 'lao động'),
  sub(LABOUR, 'medtop:20000509', 'employment', 'việc làm'),
  sub(LABOUR, 'medtop:20000523', 'labour market', 'thị trường lao động'),
  top(LIFESTYLE, 'lifestyle and leisure', 'lối sống và giải trí'),
  sub(LIFESTYLE, 'medtop:20000538', 'leisure', 'vui chơi, nghỉ ngơi'),
  top(POLITICS, 'politics', 'chính trị'),
  sub(POLITICS, 'medtop:20000574', 'election', 'bầu cử'),
  sub(POLITICS, 'medtop:20000593', 'government', 'chính quyền'),
  sub(POLITICS, 'medtop:20000621', 'government policy', 'chính sách của nhà nước'),
  sub(POLITICS, 'medtop:20000638', 'international relations', 'quan hệ quốc tế, ngoại giao'),
  top(RELIGION, 'religion', 'tôn giáo'),
  sub(RELIGION, 'medtop:20000690', 'religious festival and holiday', 'lễ hội tôn giáo'),
  top(SCIENCE, 'science and technology', 'khoa học và công nghệ'),
  sub(SCIENCE, 'medtop:20000735', 'scientific research', 'nghiên cứu khoa học'),
  sub(SCIENCE, 'medtop:20000756', 'technology and engineering', 'công nghệ và kỹ thuật'),
  top(SOCIETY, 'society', 'xã hội'),
  sub(SOCIETY, 'medtop:20000770', 'demographics', 'dân số'),
  sub(SOCIETY, 'medtop:20000780', 'family', 'gia đình'),
  sub(SOCIETY, 'medtop:20000817', 'welfare', 'an sinh xã hội'),
  top(SPORT, 'sport', 'thể thao'),
  sub(SPORT, 'medtop:20001108', 'sport event', 'sự kiện thể thao'),
  top(CONFLICT, 'conflict, war and peace', 'xung đột, chiến tranh và hoà bình'),
  sub(CONFLICT, 'medtop:20000056', 'armed conflict', 'xung đột vũ trang'),
  sub(CONFLICT, 'medtop:20000065', 'civil unrest', 'bất ổn dân sự'),
  top(WEATHER, 'weather', 'thời tiết'),
  sub(WEATHER, 'medtop:20001128', 'weather forecast', 'dự báo thời tiết'),
  sub(WEATHER, 'medtop:20001131', 'weather warning', 'cảnh báo thời tiết'),
];

const BY_CODE: ReadonlyMap<string, MediaTopic> = new Map(MEDIA_TOPICS.map((t) => [t.code, t]));

export function mediaTopic(code: string): MediaTopic | undefined {
  return BY_CODE.get(code);
}

export function isMediaTopic(code: unknown): code is MediaTopic['code'] {
  return typeof code === 'string' && BY_CODE.has(code);
}

/** The topic's label in a language ('vi' or 'en'); the code itself for one the desk does not know. */
export function topicLabel(code: string, language: 'vi' | 'en'): string {
  const t = BY_CODE.get(code);
  return t ? t[language] : code;
}
