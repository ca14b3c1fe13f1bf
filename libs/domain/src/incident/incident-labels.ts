import type { IncidentCategory, IncidentStatus, IncidentType } from '../contracts/incidents.js';
import type { LocalizedLabel } from '../i18n/localized-label.js';

export const INCIDENT_STATUS_LABELS: Readonly<Record<IncidentStatus, LocalizedLabel>> = {
  reported: { 'zh-CN': '已接报', en: 'Reported' },
  acknowledged: { 'zh-CN': '已确认', en: 'Acknowledged' },
  responding: { 'zh-CN': '处置中', en: 'Responding' },
  controlled: { 'zh-CN': '已控制', en: 'Controlled' },
  closed: { 'zh-CN': '已结案', en: 'Closed' },
  merged: { 'zh-CN': '已合并', en: 'Merged' },
};

export const INCIDENT_CATEGORY_LABELS: Readonly<Record<IncidentCategory, LocalizedLabel>> = {
  NATURAL: { 'zh-CN': '自然灾害', en: 'Natural disaster' },
  ACCIDENT: { 'zh-CN': '事故灾难', en: 'Accident' },
  HEALTH: { 'zh-CN': '公共卫生事件', en: 'Public health event' },
  SOCIAL: { 'zh-CN': '社会安全事件', en: 'Social safety event' },
};

export const INCIDENT_TYPE_LABELS: Readonly<Record<IncidentType, LocalizedLabel>> = {
  flood: { 'zh-CN': '洪涝', en: 'Flood' },
  drought: { 'zh-CN': '干旱', en: 'Drought' },
  meteorological: { 'zh-CN': '气象灾害', en: 'Meteorological' },
  earthquake: { 'zh-CN': '地震', en: 'Earthquake' },
  geological: { 'zh-CN': '地质灾害', en: 'Geological' },
  marine: { 'zh-CN': '海洋灾害', en: 'Marine' },
  biological: { 'zh-CN': '生物灾害', en: 'Biological' },
  forest_fire: { 'zh-CN': '森林草原火灾', en: 'Forest/grassland fire' },
  industrial: { 'zh-CN': '工矿商贸事故', en: 'Industrial/mining/commercial' },
  fire: { 'zh-CN': '火灾', en: 'Fire' },
  road_traffic: { 'zh-CN': '道路交通事故', en: 'Road traffic' },
  hazmat: { 'zh-CN': '危化品', en: 'Hazardous chemicals' },
  building_collapse: { 'zh-CN': '建筑坍塌', en: 'Building collapse' },
  public_facility: { 'zh-CN': '公共设施设备事故', en: 'Public facility' },
  nuclear_radiation: { 'zh-CN': '核与辐射', en: 'Nuclear/radiation' },
  pollution: { 'zh-CN': '环境污染', en: 'Pollution' },
  epidemic: { 'zh-CN': '传染病疫情', en: 'Epidemic' },
  cluster_illness: { 'zh-CN': '群体性不明原因疾病', en: 'Unexplained cluster illness' },
  food_safety: { 'zh-CN': '食品安全', en: 'Food safety' },
  occupational: { 'zh-CN': '职业危害', en: 'Occupational hazard' },
  animal_epidemic: { 'zh-CN': '动物疫情', en: 'Animal epidemic' },
  terrorism: { 'zh-CN': '恐怖袭击', en: 'Terrorism' },
  major_crime: { 'zh-CN': '重大刑事案件', en: 'Major crime' },
  mass_incident: { 'zh-CN': '群体性事件', en: 'Mass incident' },
  foreign_related: { 'zh-CN': '涉外突发事件', en: 'Foreign-related' },
  economic_security: { 'zh-CN': '经济安全事件', en: 'Economic security' },
};
