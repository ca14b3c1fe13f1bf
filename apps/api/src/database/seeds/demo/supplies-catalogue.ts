/**
 * Emergency supplies with GB/T 38565-2020-shaped codes: 7 digits in four levels (1 + 2 + 2 + 2):
 * class 1 basic living, 2 emergency equipment, 3 engineering materials and machinery; "99" is the
 * catch-all at each level. The medium/small/detail digits here are illustrative — format-conformant,
 * not copied from the standard's code table.
 */
export type SupplyTag = 'living' | 'flood' | 'hazmat' | 'forest' | 'rescue' | 'medical' | 'power';

export interface SupplyItem {
  code: string;
  name: string;
  unit: string;
  /** Typical quantity held by a district-level store; town stores hold a fraction. */
  typical: readonly [min: number, max: number];
  tags: readonly SupplyTag[];
}

export const SUPPLY_CATALOGUE: readonly SupplyItem[] = [
  // 1 基本生活保障物资
  { code: '1010101', name: '救灾单帐篷(12㎡)', unit: '顶', typical: [100, 600], tags: ['living'] },
  { code: '1010102', name: '救灾棉帐篷', unit: '顶', typical: [50, 300], tags: ['living'] },
  { code: '1010201', name: '折叠床', unit: '张', typical: [200, 1200], tags: ['living'] },
  { code: '1020101', name: '棉被', unit: '床', typical: [500, 3000], tags: ['living'] },
  { code: '1020102', name: '毛毯', unit: '床', typical: [500, 3000], tags: ['living'] },
  { code: '1020201', name: '棉大衣', unit: '件', typical: [200, 1500], tags: ['living'] },
  { code: '1020301', name: '睡袋', unit: '个', typical: [200, 1000], tags: ['living', 'forest'] },
  { code: '1030101', name: '瓶装饮用水(24瓶)', unit: '箱', typical: [300, 2000], tags: ['living', 'flood'] },
  { code: '1030201', name: '方便食品', unit: '箱', typical: [300, 2000], tags: ['living', 'flood'] },
  { code: '1030202', name: '压缩饼干', unit: '箱', typical: [100, 800], tags: ['living', 'forest'] },
  { code: '1040101', name: '家庭应急包', unit: '个', typical: [300, 2000], tags: ['living'] },
  { code: '1999999', name: '其他生活类物资', unit: '件', typical: [50, 500], tags: ['living'] },
  // 2 应急装备及配套物资
  { code: '2010101', name: '救生衣', unit: '件', typical: [200, 1200], tags: ['flood'] },
  { code: '2010102', name: '救生圈', unit: '个', typical: [100, 500], tags: ['flood'] },
  { code: '2010201', name: '冲锋舟', unit: '艘', typical: [4, 20], tags: ['flood', 'rescue'] },
  { code: '2010202', name: '橡皮艇', unit: '艘', typical: [4, 20], tags: ['flood'] },
  { code: '2020101', name: '潜水排污泵', unit: '台', typical: [10, 60], tags: ['flood', 'power'] },
  { code: '2020102', name: '移动泵站', unit: '台', typical: [2, 8], tags: ['flood'] },
  { code: '2020201', name: '移动发电机组', unit: '台', typical: [5, 30], tags: ['power', 'flood', 'rescue'] },
  { code: '2020301', name: '应急照明灯塔', unit: '台', typical: [5, 30], tags: ['power', 'flood', 'rescue'] },
  { code: '2020302', name: '强光手电', unit: '个', typical: [100, 600], tags: ['rescue', 'forest', 'flood'] },
  { code: '2030101', name: '重型防化服', unit: '套', typical: [20, 80], tags: ['hazmat'] },
  { code: '2030102', name: '正压式空气呼吸器', unit: '具', typical: [20, 80], tags: ['hazmat', 'rescue'] },
  { code: '2030201', name: '便携式气体检测仪', unit: '台', typical: [10, 40], tags: ['hazmat'] },
  { code: '2030301', name: '洗消帐篷', unit: '顶', typical: [2, 10], tags: ['hazmat'] },
  { code: '2030401', name: '堵漏工具组', unit: '套', typical: [5, 20], tags: ['hazmat'] },
  { code: '2030501', name: '吸附棉', unit: '吨', typical: [1, 8], tags: ['hazmat'] },
  { code: '2040101', name: '风力灭火机', unit: '台', typical: [20, 100], tags: ['forest'] },
  { code: '2040102', name: '二号扑火工具', unit: '把', typical: [200, 800], tags: ['forest'] },
  { code: '2040201', name: '背负式水枪', unit: '个', typical: [50, 300], tags: ['forest'] },
  { code: '2040301', name: '森林消防水泵', unit: '台', typical: [5, 20], tags: ['forest'] },
  { code: '2050101', name: '生命探测仪', unit: '台', typical: [2, 10], tags: ['rescue'] },
  { code: '2050201', name: '液压破拆工具组', unit: '套', typical: [4, 16], tags: ['rescue'] },
  { code: '2060101', name: '卫星电话', unit: '部', typical: [5, 30], tags: ['rescue', 'forest', 'flood'] },
  { code: '2060201', name: '对讲机', unit: '部', typical: [50, 300], tags: ['rescue', 'forest', 'flood', 'hazmat'] },
  { code: '2070101', name: '急救包', unit: '个', typical: [100, 800], tags: ['medical', 'rescue', 'living'] },
  { code: '2070201', name: '折叠担架', unit: '副', typical: [20, 120], tags: ['medical', 'rescue'] },
  { code: '2999999', name: '其他应急装备', unit: '件', typical: [20, 200], tags: ['rescue'] },
  // 3 工程材料与机械加工设备
  { code: '3010101', name: '编织袋(防汛袋)', unit: '条', typical: [20000, 100000], tags: ['flood'] },
  { code: '3010102', name: '吨袋', unit: '个', typical: [500, 3000], tags: ['flood'] },
  { code: '3010201', name: '砂石料', unit: '吨', typical: [500, 3000], tags: ['flood'] },
  { code: '3010301', name: '钢管', unit: '吨', typical: [10, 80], tags: ['flood', 'rescue'] },
  { code: '3010401', name: '木桩', unit: '根', typical: [1000, 6000], tags: ['flood'] },
  { code: '3010501', name: '土工布', unit: '平方米', typical: [5000, 30000], tags: ['flood'] },
  { code: '3010601', name: '铅丝网兜', unit: '个', typical: [500, 3000], tags: ['flood'] },
  { code: '3020101', name: '装载机', unit: '台', typical: [1, 4], tags: ['rescue', 'flood'] },
  { code: '3999999', name: '其他工程材料', unit: '吨', typical: [10, 100], tags: ['flood', 'rescue'] },
];
