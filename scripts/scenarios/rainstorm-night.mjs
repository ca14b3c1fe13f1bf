// 暴雨之夜：~3 hours of scattered 110/119/120 calls across the district — waterlogged roads, stalled and
// trapped vehicles, flooded basements, a small landslide, rain-night crashes and power-facility damage.
// Six clusters (several calls about one event) must each become one incident; every other call is its
// own incident. Sites are placed so that no two groups can fall inside each other's link radius, whatever
// the replay speed: centre distance > 300 m + 2 × (both accuracies) + both spreads + margin.

const ROADS = ['齐都大道', '桓公路', '稷下路', '闻韶路', '雪宫路', '牛山路', '淄河大道', '管仲路', '晏婴路', '太公路', '葵丘路', '梧台路', '柳店路', '石槽路', '东苑路', '南关街'];
const COMMUNITIES = ['桓公', '晏婴', '管仲', '太公', '韶院', '齐园', '稷丰', '东苑', '西苑', '南关'];
const VILLAGE_SUFFIXES = ['家庄', '家屯', '家寨', '官庄', '家楼', '店'];

// Approximate seats of the demo towns (the generator jitters them per seed; only used to name addresses).
const SEATS = [
  ['齐都街道', [0, 0]], ['稷下街道', [-3031, 1750]], ['闻韶街道', [0, -3500]], ['雪宫街道', [3031, 1750]],
  ['梧台镇', [0, 7500]], ['葵丘镇', [7794, 3750]], ['淄河镇', [7794, -3750]], ['牛山镇', [0, -7500]], ['石槽镇', [-7794, -3750]], ['柳店镇', [-7794, 3750]],
];
const townOf = (p) => SEATS.reduce((best, s) => (Math.hypot(p[0] - s[1][0], p[1] - s[1][1]) < Math.hypot(p[0] - best[1][0], p[1] - best[1][1]) ? s : best))[0];

/**
 * Singleton call kinds: weight, sources, type, description maker. `acc` is a GPS fix (10–80 m) unless the
 * kind says otherwise; cell fixes (200–500 m) are drawn for some calls below.
 */
const KINDS = [
  { w: 5, sources: ['110', '119'], type: 'flood', d: (a, r) => `${a.road}${r.pick(['铁路桥下', '涵洞', '与' + r.pick(ROADS) + '交叉口', '低洼路段'])}积水约${r.int(30, 80)}厘米，车辆无法通行，有车熄火` },
  { w: 4, sources: ['110', '119'], type: 'flood', trapped: [1, 3], d: (a, r, c) => `${a.road}涵洞积水没过车窗，一辆${r.pick(['轿车', '面包车', '出租车'])}熄火，车内${c.trapped}人被困，水还在涨` },
  { w: 4, sources: ['119', '110'], type: 'flood', d: (a, r) => `${a.community}小区${r.int(1, 18)}号楼地下室进水，水深约${r.int(30, 120)}厘米，配电室可能被淹` },
  { w: 3, sources: ['110'], type: 'flood', d: (a, r) => `${a.village}村低洼处${r.int(5, 20)}户民房进水，有老人行动不便需要转移` },
  { w: 2, sources: ['110', '119'], type: 'geological', d: (a, r) => `${a.village}村${r.pick(['后山', '村西土坡', '路边边坡'])}发生小面积滑坡，土石堵住了村道，暂无人员伤亡` },
  { w: 1, sources: ['110'], type: 'geological', d: (a, r) => `${a.road}路面塌陷，出现约${r.int(2, 4)}米见方的坑，已有电动车掉进去` },
  { w: 4, sources: ['110'], type: 'road_traffic', injured: [0, 2], d: (a, r, c) => `雨天路滑，${a.road}${r.pick(['两车追尾', '一辆货车侧滑撞上护栏', '轿车与电动车相撞'])}${c.injured ? `，${c.injured}人受伤` : '，无人受伤，堵了一个车道'}` },
  { w: 2, sources: ['120'], injured: [1, 1], d: (a, r) => `雨中车祸，${a.road}一名${r.pick(['电动车驾驶人', '外卖骑手', '行人'])}被撞倒，${r.pick(['腿部骨折', '头部出血', '意识清醒但站不起来'])}` },
  { w: 3, sources: ['110', '119'], type: 'public_facility', d: (a, r) => `${a.road}一根电线杆被风刮倒，电线落在积水里${r.pick(['冒火花', '噼啪作响'])}，请求断电` },
  { w: 2, sources: ['119'], type: 'public_facility', trapped: [1, 2], d: (a, r, c) => `${a.community}小区停电，${r.int(3, 26)}号楼电梯里困了${c.trapped}人` },
  { w: 1, sources: ['110'], type: 'public_facility', d: (a) => `${a.road}路口信号灯全灭，交通混乱，请求交警指挥` },
  { w: 2, sources: ['110', '119'], type: 'meteorological', d: (a, r) => `${a.road}一棵大树被风刮倒，${r.pick(['砸中路边停放的两辆车', '横在路中间挡住双向车道', '压住了一段围墙'])}` },
  { w: 1, sources: ['120'], injured: [1, 1], d: (a, r) => `${a.community}小区一位${r.int(65, 88)}岁老人雨夜在楼道滑倒，${r.pick(['头部出血', '髋部疼痛不能动'])}，请求救护车` },
];

export default {
  title: '暴雨之夜（全区散发积水、内涝、滑坡、交通与电力设施险情）',
  description: '约 3 小时、46 个呼叫：6 组应关联的聚集警情，其余各自成案；含 1 次重复推送',
  seed: 'rainstorm-night-v1',
  build(kit) {
    const { rng } = kit;
    const m = (min, s = 0) => Math.round(min * 60 + s);
    const person = () => ({ phone: kit.phone(), name: `${kit.surname()}${rng.pick(['先生', '女士'])}` });
    const address = (p) => {
      const road = rng.pick(ROADS);
      return { town: townOf(p), road, community: `${rng.pick(COMMUNITIES)}${rng.pick(['苑', '花园', '小区', '家园'])}`.replace(/小区$/, ''), village: `${kit.surname()}${rng.pick(VILLAGE_SUFFIXES)}` };
    };

    // --- Site placement ---------------------------------------------------------------------------
    // Keep away from the other scenario's sites (a still-open explosion incident would otherwise
    // absorb a nearby power or crash call: those types are compatible with hazmat/fire).
    const plant = kit.at('chemicalPlant');
    const sites = [
      { p: plant, acc: 500, spread: 2500 },
      { p: [plant[0] - 3300, plant[1] - 2300], acc: 50, spread: 300 },
    ];
    const clear = (p, acc, spread) => sites.every((s) => kit.dist(p, s.p) > 300 + 2 * (acc + s.acc) + spread + s.spread + 150);
    const place = (acc, spread, wanted) => {
      for (let i = 0; i < 4000; i++) {
        const p = wanted ? kit.around(wanted, i === 0 ? 0 : 50 + i * 2) : kit.inDistrict();
        if (clear(p, acc, spread)) {
          sites.push({ p, acc, spread });
          return p;
        }
      }
      throw new Error('rainstorm-night: could not place a site (district too crowded)');
    };

    // The address a call center would type: town plus the village, community or road the caller named.
    const placeOf = (a, text) => `${a.town}${text.includes(a.village) ? `${a.village}村` : text.includes(a.community) ? `${a.community}小区` : a.road}`;

    const calls = [];
    const add = (c) => { calls.push(c); return c; };

    // --- Clusters: several calls, one event ---------------------------------------------------------
    // 1. Underpass in the old town: a car stalls in deep water (110), fire brigade (119), then 120.
    {
      const p = place(60, 60, kit.around(kit.at('oldTown'), 650));
      const a = address(p);
      add({ at: m(25), ref: 'U1', group: 'underpass', source: '110', caller: person(), location: kit.fix(p, 20), address: `${a.town}${a.road}下穿立交桥`, type: 'flood', category: 'NATURAL', casualties: { trapped: 2 },
        description: `${a.road}下穿立交桥积水一米多深，一辆轿车熄火，车里两个人出不来，水还在涨` });
      add({ at: m(29), ref: 'U2', group: 'underpass', source: '119', caller: person(), location: kit.fix(kit.around(p, 40), 60), type: 'flood', category: 'NATURAL', casualties: { trapped: 2 },
        description: `${a.road}下穿桥有车被淹，车顶上站着人在呼救` });
      add({ at: m(38), ref: 'U3', group: 'underpass', source: '120', caller: person(), location: kit.fix(kit.around(p, 30), 30), casualties: { injured: 1 },
        description: '下穿桥被救出的老人浑身湿透、发抖，说胸口闷，请求救护车' });
    }
    // 2. Flooded underground garage: 119 first, 110 a few minutes later (someone went down to move a car).
    {
      const p = place(50, 40);
      const a = address(p);
      add({ at: m(40), ref: 'G1', group: 'garage', source: '119', caller: person(), location: kit.fix(p, 20), address: `${a.town}${a.community}小区地下车库`, type: 'flood', category: 'NATURAL',
        description: `${a.community}小区地下车库大量进水，约 30 辆车被淹，水位还在上升` });
      add({ at: m(46), ref: 'G2', group: 'garage', source: '110', caller: person(), location: kit.fix(kit.around(p, 30), 50), type: 'flood', category: 'NATURAL', casualties: { trapped: 1 },
        description: `${a.community}小区地下车库：我爱人下去挪车二十分钟了还没上来，电话打不通` });
    }
    // 3. Riverbank seepage on the Zi River dike: three reports as it worsens.
    {
      const p = place(100, 150, kit.at('riverbank'));
      const name = kit.landmarks.riverbank.name;
      add({ at: m(55), ref: 'R1', group: 'riverbank', source: '110', caller: person(), location: kit.fix(p, 50), address: name, type: 'flood', category: 'NATURAL',
        description: `巡堤村民报警：${name}背水坡出现渗水，有一处在冒浑水，像是管涌` });
      add({ at: m(63), ref: 'R2', group: 'riverbank', source: '119', caller: person(), location: kit.fix(kit.around(p, 100), 100), type: 'flood', category: 'NATURAL',
        description: '堤防背水坡一段土体滑塌约 10 米，需要沙袋和人手' });
      add({ at: m(80), ref: 'R3', group: 'riverbank', source: '110', caller: { phone: kit.phone(), name: '镇防汛办' }, location: kit.fix(kit.around(p, 80), 30), type: 'flood', category: 'NATURAL',
        description: '镇防汛办：渗水点增加到 3 处，正在组织群众转移，请求抢险队' });
    }
    // 4. Landslide below the forest park: 110 (village), 119 referring to the 110 case (cell fix), 120 injured.
    {
      const p = place(500, 80, kit.around(kit.at('forestPark'), 900));
      const a = address(p);
      add({ at: m(95), ref: 'L1', group: 'landslide', source: '110', caller: person(), location: kit.fix(p, 200), address: `${a.town}${a.village}村`, type: 'geological', category: 'NATURAL',
        description: `${a.village}村后山滑坡，土石冲到村道上，一户民房后墙被推倒一角` });
      add({ at: m(99), ref: 'L2', group: 'landslide', source: '119', caller: person(), location: kit.fix(kit.around(p, 60), 500), type: 'geological', category: 'NATURAL', relatedRefs: ['L1'],
        description: '山体滑坡，房子里可能还有人（119 已关联 110 案件）', casualties: { trapped: 1 } });
      add({ at: m(113), ref: 'L3', group: 'landslide', source: '120', caller: person(), location: kit.fix(kit.around(p, 50), 40), casualties: { injured: 1 },
        description: '滑坡现场：被困村民已救出，小腿被砸伤，需要救护车' });
    }
    // 5. A pad-mounted transformer arcing and catching fire: 110 (power facility) and 119 (fire).
    {
      const p = place(50, 40);
      const a = address(p);
      add({ at: m(125), ref: 'X1', group: 'transformer', source: '110', caller: person(), location: kit.fix(p, 30), address: `${a.town}${a.road}${a.community}小区门口`, type: 'public_facility', category: 'ACCIDENT',
        description: `${a.community}小区门口箱式变压器进水冒火花，周边一片停电` });
      add({ at: m(127), ref: 'X2', group: 'transformer', source: '119', caller: person(), location: kit.fix(kit.around(p, 20), 50), type: 'fire', category: 'ACCIDENT',
        description: '小区门口变压器着火了，火苗一米多高' });
    }
    // 6. School gate waterlogged at the end of evening self-study: 110 then 119.
    {
      const p = place(60, 60, kit.around(kit.at('school'), 100));
      const name = kit.landmarks.school.name;
      add({ at: m(165), ref: 'S1', group: 'school', source: '110', caller: { phone: kit.phone(), name: `${name}值班老师` }, location: kit.fix(p, 30), address: `${name}南门`, type: 'flood', category: 'NATURAL',
        description: `${name}门口积水到膝盖，晚自习学生近 600 人无法离校，家长车辆堵在路上` });
      add({ at: m(173), ref: 'S2', group: 'school', source: '119', caller: person(), location: kit.fix(kit.around(p, 50), 60), type: 'flood', category: 'NATURAL',
        description: '学校门口积水太深，请求派排涝车' });
    }

    // --- Singletons: scattered over the night, busiest at the peak of the rain -------------------
    const clusterTimes = new Set(calls.map((c) => c.at));
    const totalW = KINDS.reduce((s, k) => s + k.w, 0);
    const pickKind = () => {
      let x = rng.range(0, totalW);
      for (const k of KINDS) if ((x -= k.w) < 0) return k;
      return KINDS[0];
    };
    for (let i = 0; i < 30; i++) {
      const kind = pickKind();
      const source = rng.pick(kind.sources);
      const cell = rng.chance(0.25); // a quarter of callers give only a cell-tower fix
      const acc = cell ? rng.int(200, 500) : rng.int(10, 80);
      const p = place(acc, 0);
      const a = address(p);
      const c = {};
      if (kind.trapped) c.trapped = rng.int(kind.trapped[0], kind.trapped[1]);
      if (kind.injured) c.injured = rng.int(kind.injured[0], kind.injured[1]);
      for (const k of Object.keys(c)) if (c[k] === 0) delete c[k];
      // Triangular arrival over 2–178 min (busiest at the peak of the rain); never on a cluster call's second.
      // The first few are the night's opening reports, in the first quarter hour.
      let at;
      do at = i < 3 ? m(1 + 5 * i + rng.range(0, 4)) : m(2 + 176 * ((rng.next() + rng.next()) / 2)); while (clusterTimes.has(at));
      clusterTimes.add(at);
      const description = kind.d(a, rng, c);
      add({
        at, ref: `N${String(i + 1).padStart(2, '0')}`, group: `single-${i + 1}`, source, caller: person(),
        location: kit.fix(p, acc), address: placeOf(a, description),
        ...(kind.type ? { type: kind.type } : {}),
        ...(Object.keys(c).length ? { casualties: c } : {}),
        description,
      });
    }
    // A 110 gateway retry of one singleton, 20 s later: must answer 200 with the same ids.
    const retried = calls.filter((c) => c.source === '110' && c.ref.startsWith('N')).sort((x, y) => x.at - y.at)[3];
    if (retried) add({ at: retried.at + 20, resendOf: retried.ref, group: retried.group, source: '110' });
    return calls;
  },
};
