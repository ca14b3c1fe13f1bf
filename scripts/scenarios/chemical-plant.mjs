// 化工园区爆炸：~20 minutes of 119/110/120 calls about one explosion at the demo chemical park, its
// casualty figures rising until the Decree 493 grade goes from IV to III (deaths ≥ 3 or serious
// injuries ≥ 10), two gateway re-sends (must answer 200), and one unrelated road accident ~4 km away.
// Groups: every call about the explosion is group 'plant'; the road accident is group 'crash'.

export default {
  title: '齐都化工园区爆炸起火',
  description: '119/110/120 多源报警，伤亡递增（IV→III 级），含重复推送和一起无关交通事故，约 20 分钟',
  seed: 'chemical-plant-v1',
  build(kit) {
    const { rng } = kit;
    const plant = kit.at('chemicalPlant');
    const parkName = kit.landmarks.chemicalPlant.name;
    // The burning tank farm is a little inside the park gate; callers stand around it. Distances below are
    // chosen so each located call stays inside the link radius (300 m + both accuracies) of F1's fix.
    const tanks = kit.around(plant, 120);
    const gate = kit.around(tanks, 150);
    // The unrelated crash: on a road ~4 km south-west of the park, well outside any link radius.
    const crash = [plant[0] - 3300 + rng.range(-200, 200), plant[1] - 2300 + rng.range(-200, 200)];
    const person = () => ({ phone: kit.phone(), name: `${kit.surname()}${rng.pick(['先生', '女士'])}` });
    const near = (p, m, acc) => kit.fix(kit.around(p, m, m / 3), acc);
    const m = (min, s = 0) => min * 60 + s;

    return [
      // --- 119: first fire reports -------------------------------------------------------------
      { at: m(0, 0), ref: 'F1', group: 'plant', source: '119', caller: person(), location: near(tanks, 30, 30),
        address: `${parkName}二期储罐区`, category: 'ACCIDENT', type: 'hazmat',
        description: `${parkName}二期储罐区发生爆炸，随即起火，火势猛烈，黑烟很大，有工人没跑出来`,
        casualties: { trapped: 3 } },
      { at: m(0, 35), ref: 'F2', group: 'plant', source: '119', caller: person(), location: near(tanks, 150, 150),
        category: 'ACCIDENT', type: 'fire',
        description: '园区路上看到化工厂方向一团大火，接连响了两声，像是罐子炸了' },
      // Gateway retry of F1 (same externalId, same body): must be 200 with the same ids.
      { at: m(0, 50), resendOf: 'F1', group: 'plant', source: '119' },

      // --- 110: explosions heard -----------------------------------------------------------------
      { at: m(1, 20), ref: 'P1', group: 'plant', source: '110', caller: person(),
        address: '葵丘镇王家庄村东头', category: 'ACCIDENT', relatedRefs: ['F1'],
        description: '村民报警：听到很大的爆炸声，家里窗户玻璃震碎了，东边化工园区方向冒黑烟（110 已关联 119 案件）' },
      { at: m(1, 45), ref: 'P2', group: 'plant', source: '110', caller: person(), location: near(tanks, 150, 50),
        category: 'ACCIDENT', type: 'hazmat',
        description: '过路司机报警：化工厂爆炸，园区门口路上有碎片和玻璃，车辆还在往里开，请求封路' },

      // --- 120: first casualties (no type: an ambulance call at an accident joins it) -------------
      { at: m(2, 30), ref: 'A1', group: 'plant', source: '120', caller: person(), location: near(gate, 40, 25),
        address: `${parkName}东门`, casualties: { seriousInjuries: 2, injured: 3 },
        description: '园区东门：多名工人受伤，2 人大面积烧伤较重，3 人轻伤，请求多派救护车' },
      { at: m(3, 10), ref: 'P3', group: 'plant', source: '110', caller: person(),
        address: '闻韶街道东苑小区 6 号楼', relatedRefs: ['F1'],
        description: '居民报警：听到两声闷响，楼有震感，问是不是地震了（110 核实为化工园区爆炸，已关联 119 案件）' },
      { at: m(4, 0), ref: 'F3', group: 'plant', source: '119', caller: person(), location: near(tanks, 180, 250),
        category: 'ACCIDENT', type: 'fire',
        description: '园区北侧另一处厂房也着了，火往北边蔓延，有刺鼻气味' },

      { at: m(5, 0), ref: 'A2', group: 'plant', source: '120', caller: person(), location: near(gate, 60, 20),
        relatedRefs: ['F1'], casualties: { deaths: 1, seriousInjuries: 4, injured: 6 },
        description: '现场医疗点：1 人经抢救无效死亡，重伤 4 人，轻伤 6 人，正在分批转运' },
      // 120 gateway re-send of A2.
      { at: m(5, 30), resendOf: 'A2', group: 'plant', source: '120' },

      { at: m(6, 30), ref: 'P4', group: 'plant', source: '110', caller: person(), location: near(tanks, 2300, 500),
        category: 'ACCIDENT', type: 'pollution', relatedRefs: ['F1'],
        description: '下风向居民报警：闻到很浓的刺鼻气味，眼睛和嗓子不舒服，问要不要撤离（已关联 119 案件）' },
      { at: m(8, 0), ref: 'A3', group: 'plant', source: '120', caller: person(), location: near(gate, 30, 20),
        casualties: { deaths: 2, seriousInjuries: 6, injured: 9, missing: 2 },
        description: '现场急救组：死亡增至 2 人，重伤 6 人，另有 2 名工人失联' },

      // --- Unrelated: a two-car crash ~4 km away, mid-way (must become its own incident) ----------
      { at: m(9, 0), ref: 'T1', group: 'crash', source: '110', caller: person(), location: kit.fix(crash, 15),
        address: '淄河大道与葵丘路交叉口', category: 'ACCIDENT', type: 'road_traffic', casualties: { injured: 1, trapped: 1 },
        description: '两辆小轿车路口相撞，一名司机被卡在车里，腿在流血' },
      { at: m(9, 40), ref: 'T2', group: 'crash', source: '120', caller: person(), location: kit.fix(kit.around(crash, 25), 40),
        casualties: { injured: 2 },
        description: '车祸，一名司机腿部受伤被卡，另一车乘客头部擦伤' },

      { at: m(10, 30), ref: 'F4', group: 'plant', source: '119', caller: person(), location: near(tanks, 180, 40),
        category: 'ACCIDENT', type: 'building_collapse',
        description: '隔壁企业员工报警：我们厂靠化工厂那面围墙和一间库房被震塌，有一个工人被压住' },
      { at: m(12, 0), ref: 'P5', group: 'plant', source: '110', caller: { phone: kit.phone(), name: '园区管委会值班室' },
        address: `${parkName}管委会`, relatedRefs: ['F1'],
        description: '园区管委会报告：爆炸企业为齐都鑫源化工有限公司，园区已疏散约 300 人，周边企业已停产' },

      // Grade rises to III here: deaths reach 3 (Decree 493 Art. 3: 3–9 deaths = 较大).
      { at: m(13, 30), ref: 'A4', group: 'plant', source: '120', caller: person(), location: near(gate, 50, 20),
        casualties: { deaths: 3, seriousInjuries: 9, injured: 14, missing: 1 },
        description: '现场急救组：失联人员找到 1 人已遇难，死亡 3 人，重伤 9 人，轻伤 14 人，仍有 1 人失联' },
      { at: m(15, 0), ref: 'A5', group: 'plant', source: '120', caller: { phone: kit.phone(), name: '区人民医院急诊科' },
        address: '区人民医院急诊科', relatedRefs: ['F1'], casualties: { deaths: 3, seriousInjuries: 11, injured: 16, missing: 1 },
        description: '医院反馈：收治爆炸伤员中重伤增至 11 人（含急性中毒 2 人），轻伤 16 人' },
      { at: m(16, 30), ref: 'F5', group: 'plant', source: '119', caller: person(), location: near(tanks, 80, 60),
        category: 'ACCIDENT', type: 'hazmat',
        description: '现场消防：储罐区发生二次爆炸，一辆消防车受损，请求增援泡沫车' },
      { at: m(18, 0), ref: 'P6', group: 'plant', source: '110', caller: { phone: kit.phone(), name: '交警大队' },
        address: `${parkName}周边道路`, relatedRefs: ['F1'],
        description: '交警：园区周边 3 公里道路已实施交通管制，为救援车辆开辟通道' },
      { at: m(19, 30), ref: 'A6', group: 'plant', source: '120', caller: person(), location: near(gate, 40, 20),
        casualties: { deaths: 4, seriousInjuries: 12, injured: 18, missing: 0 },
        description: '现场急救组：最后 1 名失联人员找到，已遇难；累计死亡 4 人，重伤 12 人，轻伤 18 人' },
    ];
  },
};
