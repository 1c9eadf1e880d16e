// The demo company: 永固五金 Yonggu Hardware, a wholesaler of fasteners, tools and safety gear
// with a main warehouse (MAIN, 主仓) and an east warehouse (EAST, 东仓). The tables are plain
// text so they read like the spreadsheet a newcomer would keep; demo-csv.ts turns them into the
// import files.

/**
 * Items, one a line: sku | English | 中文 | base unit | bigger unit=factor | category | sale price |
 * unit cost | reorder point | supplier | stock as warehouse/bin:qty. A few items sit at or below
 * their reorder point, so low stock shows.
 */
export const demoItemTable = `
SCR-M3-10   | Machine screw M3×10             | 十字机螺丝 M3×10     | pcs   | box=100 | fasteners  | 0.08   | 0.03   | 2000 | HXF | MAIN/A-01:5000 EAST/E-01:2000
SCR-M4-16   | Machine screw M4×16             | 十字机螺丝 M4×16     | pcs   | box=100 | fasteners  | 0.10   | 0.04   | 2000 | HXF | MAIN/A-01:8000 EAST/E-01:3000
SCR-M5-20   | Machine screw M5×20             | 十字机螺丝 M5×20     | pcs   | box=100 | fasteners  | 0.14   | 0.06   | 1500 | HXF | MAIN/A-01:600
SCR-ST4-25  | Self-tapping screw ST4×25       | 自攻螺丝 ST4×25      | pcs   | box=100 | fasteners  | 0.09   | 0.04   | 3000 | HXF | MAIN/A-02:12000 EAST/E-01:4000
SCR-ST5-40  | Self-tapping screw ST5×40       | 自攻螺丝 ST5×40      | pcs   | box=100 | fasteners  | 0.15   | 0.06   | 2000 | HXF | MAIN/A-02:5000
SCR-WD4-30  | Wood screw 4×30                 | 木螺丝 4×30          | pcs   | box=100 | fasteners  | 0.12   | 0.05   | 2000 | HXF | MAIN/A-02:4000 EAST/E-02:1000
SCR-DW35-25 | Drywall screw 3.5×25            | 干壁钉 3.5×25        | pcs   | box=100 | fasteners  | 0.06   | 0.02   | 5000 | HXF | MAIN/A-02:20000
SCR-CSK-M6  | Countersunk screw M6×30         | 沉头螺丝 M6×30       | pcs   | box=100 | fasteners  | 0.25   | 0.11   | 1000 | HXF | MAIN/B-01:2500
SCR-EXP-M8  | Expansion anchor bolt M8×60     | 膨胀螺丝 M8×60       | pcs   | box=50  | fasteners  | 0.80   | 0.38   | 800  | HXF | MAIN/B-01:3000 EAST/E-02:500
SCR-SS-M4   | Stainless screw M4×12 (A2)      | 不锈钢螺丝 M4×12     | pcs   | box=100 | fasteners  | 0.18   | 0.08   | 1500 | HXF | MAIN/B-01:4000
NUT-M4      | Hex nut M4                      | 六角螺母 M4          | pcs   | box=100 | fasteners  | 0.04   | 0.01   | 3000 | HXF | MAIN/A-01:10000 EAST/E-01:3000
NUT-M6      | Hex nut M6                      | 六角螺母 M6          | pcs   | box=100 | fasteners  | 0.06   | 0.02   | 3000 | HXF | MAIN/A-01:9000
NUT-M8      | Hex nut M8                      | 六角螺母 M8          | pcs   | box=100 | fasteners  | 0.09   | 0.04   | 3000 | HXF | MAIN/A-01:2400
NUT-M10     | Hex nut M10                     | 六角螺母 M10         | pcs   | box=100 | fasteners  | 0.14   | 0.06   | 2000 | HXF | MAIN/A-01:5000 EAST/E-01:1000
NUT-NYL-M6  | Nylon lock nut M6               | 尼龙防松螺母 M6      | pcs   | box=100 | fasteners  | 0.12   | 0.05   | 1500 | HXF | MAIN/B-02:4000
NUT-FLG-M8  | Flange nut M8                   | 法兰螺母 M8          | pcs   | box=100 | fasteners  | 0.16   | 0.07   | 1500 | HXF | MAIN/B-02:3500
NUT-WING-M6 | Wing nut M6                     | 蝶形螺母 M6          | pcs   | box=100 | fasteners  | 0.20   | 0.09   | 500  | HXF | MAIN/B-02:1200
NUT-CAP-M8  | Acorn cap nut M8                | 盖形螺母 M8          | pcs   | box=100 | fasteners  | 0.30   | 0.13   | 500  | HXF | MAIN/B-02:900
WSH-M4      | Flat washer M4                  | 平垫圈 M4            | pcs   | box=100 | fasteners  | 0.02   | 0.01   | 5000 | HXF | MAIN/A-03:15000
WSH-M6      | Flat washer M6                  | 平垫圈 M6            | pcs   | box=100 | fasteners  | 0.03   | 0.01   | 5000 | HXF | MAIN/A-03:20000 EAST/E-01:5000
WSH-M8      | Flat washer M8                  | 平垫圈 M8            | pcs   | box=100 | fasteners  | 0.04   | 0.02   | 5000 | HXF | MAIN/A-03:12000
WSH-SPR-M6  | Spring washer M6                | 弹簧垫圈 M6          | pcs   | box=100 | fasteners  | 0.04   | 0.02   | 3000 | HXF | MAIN/A-03:9000
WSH-SPR-M8  | Spring washer M8                | 弹簧垫圈 M8          | pcs   | box=100 | fasteners  | 0.05   | 0.02   | 3000 | HXF | MAIN/A-03:7000
WSH-RUB-M8  | Rubber washer M8                | 橡胶垫圈 M8          | pcs   | box=100 | fasteners  | 0.10   | 0.04   | 1000 | HXF | MAIN/B-02:2000
BLT-M6-30   | Hex bolt M6×30                  | 六角螺栓 M6×30       | pcs   | box=100 | fasteners  | 0.35   | 0.15   | 1000 | HXF | MAIN/B-01:3000 EAST/E-02:1000
BLT-M8-40   | Hex bolt M8×40                  | 六角螺栓 M8×40       | pcs   | box=100 | fasteners  | 0.55   | 0.24   | 1000 | HXF | MAIN/B-01:2500
BLT-M10-50  | Hex bolt M10×50                 | 六角螺栓 M10×50      | pcs   | box=50  | fasteners  | 0.90   | 0.40   | 800  | HXF | MAIN/B-01:1800
BLT-M12-60  | Hex bolt M12×60                 | 六角螺栓 M12×60      | pcs   | box=50  | fasteners  | 1.40   | 0.65   | 500  | HXF | MAIN/B-01:300
BLT-CRG-M8  | Carriage bolt M8×50             | 马车螺栓 M8×50       | pcs   | box=50  | fasteners  | 0.70   | 0.31   | 500  | HXF | MAIN/B-01:1500
BLT-U-M10   | U-bolt M10                      | U型螺栓 M10          | pcs   |         | fasteners  | 2.50   | 1.10   | 200  | HXF | MAIN/C-01:600
BLT-EYE-M8  | Eye bolt M8                     | 吊环螺栓 M8          | pcs   |         | fasteners  | 3.20   | 1.45   | 100  | HXF | MAIN/C-01:250
TL-SD-PH2   | Screwdriver PH2                 | 十字螺丝刀 PH2       | pcs   |         | tools      | 12.00  | 5.50   | 30   | JGT | MAIN/C-02:120
TL-SD-SET   | Screwdriver set, 6 pieces       | 螺丝刀套装 6件       | set   |         | tools      | 45.00  | 21.00  | 10   | JGT | MAIN/C-02:40
TL-WR-ADJ10 | Adjustable wrench 10"           | 活动扳手 10寸        | pcs   |         | tools      | 38.00  | 17.50  | 15   | JGT | MAIN/C-02:60 EAST/E-03:10
TL-WR-SET   | Combination wrench set 8-19 mm  | 组合扳手套装 8-19mm  | set   |         | tools      | 128.00 | 62.00  | 8    | JGT | MAIN/C-02:5
TL-PLR-8    | Combination pliers 8"           | 钢丝钳 8寸           | pcs   |         | tools      | 32.00  | 14.80  | 15   | JGT | MAIN/C-02:45
TL-HAM-500  | Claw hammer 500 g               | 羊角锤 500克         | pcs   |         | tools      | 35.00  | 16.00  | 10   | JGT | MAIN/C-02:30
TL-TAPE-5M  | Tape measure 5 m                | 卷尺 5米             | pcs   | box=20  | tools      | 15.00  | 6.20   | 30   | JGT | MAIN/C-02:150 EAST/E-03:40
TL-LVL-60   | Spirit level 60 cm              | 水平尺 60厘米        | pcs   |         | tools      | 42.00  | 19.50  | 5    | JGT | MAIN/C-03:18
TL-DRL-SET  | HSS drill bit set 1-10 mm       | 麻花钻头套装 1-10mm  | set   |         | tools      | 56.00  | 26.00  | 10   | JGT | MAIN/C-03:35
TL-HEX-SET  | Hex key set, 9 pieces           | 内六角扳手套装 9件   | set   |         | tools      | 25.00  | 11.00  | 15   | JGT | MAIN/C-03:70
TL-KNIFE    | Utility knife                   | 美工刀               | pcs   | box=24  | tools      | 8.00   | 3.20   | 50   | JGT | MAIN/C-03:300
SF-GLV-COT  | Cotton work gloves              | 棉纱手套             | pair  | dz=12   | safety     | 2.50   | 1.00   | 500  | ABS | MAIN/D-01:3000 EAST/E-03:600
SF-GLV-NIT  | Nitrile coated gloves           | 丁腈浸胶手套         | pair  | dz=12   | safety     | 6.50   | 2.80   | 300  | ABS | MAIN/D-01:240
SF-GLV-CUT  | Cut-resistant gloves, level 5   | 防割手套 5级          | pair  | dz=12   | safety     | 22.00  | 9.80   | 100  | ABS | MAIN/D-01:180
SF-HLM-Y    | Safety helmet, yellow           | 安全帽 黄色          | pcs   | box=10  | safety     | 28.00  | 12.50  | 50   | ABS | MAIN/D-02:160 EAST/E-03:40
SF-HLM-W    | Safety helmet, white            | 安全帽 白色          | pcs   | box=10  | safety     | 28.00  | 12.50  | 30   | ABS | MAIN/D-02:25
SF-GOG      | Safety goggles                  | 护目镜               | pcs   |         | safety     | 15.00  | 6.00   | 50   | ABS | MAIN/D-02:120
SF-MSK-N95  | Dust mask N95                   | 防尘口罩 N95         | pcs   | box=20  | safety     | 3.00   | 1.20   | 400  | ABS | MAIN/D-03:2000
SF-EAR      | Foam ear plugs                  | 降噪耳塞             | pair  | box=100 | safety     | 1.00   | 0.35   | 500  | ABS | MAIN/D-03:2500
SF-VEST     | Reflective safety vest          | 反光背心             | pcs   |         | safety     | 12.00  | 4.80   | 50   | ABS | MAIN/D-03:140
SF-SHOE-42  | Safety shoes, size 42           | 劳保鞋 42码          | pair  |         | safety     | 98.00  | 45.00  | 10   | ABS | MAIN/D-04:24
SF-HARNESS  | Full-body safety harness        | 全身式安全带         | set   |         | safety     | 168.00 | 78.00  | 5    | ABS | MAIN/D-04:12
EL-TAPE-PVC | PVC insulating tape             | 电工胶布             | roll  | box=10  | electrical | 3.50   | 1.30   | 200  | YLT | MAIN/C-04:900
EL-TIE-200  | Cable ties 200 mm, bag of 100   | 尼龙扎带 200mm       | bag   |         | electrical | 6.00   | 2.40   | 100  | YLT | MAIN/C-04:450
EL-WIRE-2.5 | Copper wire 2.5 mm², 100 m      | 铜芯电线 2.5平方      | roll  |         | electrical | 210.00 | 165.00 | 10   | YLT | MAIN/C-04:36
TP-DUCT     | Duct tape 48 mm                 | 布基胶带 48mm        | roll  |         | adhesives  | 9.00   | 3.60   | 100  | YLT | MAIN/C-04:320
TP-MASK     | Masking tape 24 mm              | 美纹纸胶带 24mm      | roll  |         | adhesives  | 3.00   | 1.10   | 100  | YLT | MAIN/C-04:80
AD-SIL      | Silicone sealant 300 ml         | 玻璃胶 300毫升       | tube  | box=24  | adhesives  | 14.00  | 6.20   | 60   | YLT | MAIN/C-05:200
AD-EPOXY    | Epoxy glue AB 50 g              | AB环氧胶 50克        | pcs   |         | adhesives  | 16.00  | 7.00   | 40   | YLT | MAIN/C-05:110
AB-DISC-100 | Cutting disc 100 mm             | 切割片 100mm         | pcs   | box=50  | abrasives  | 2.20   | 0.85   | 300  | YLT | MAIN/C-05:1500
AB-SAND-120 | Sandpaper P120                  | 砂纸 120目           | sheet | box=100 | abrasives  | 0.80   | 0.30   | 500  | YLT | MAIN/C-05:2000
`;

/** Suppliers, one a line: code | name | 中文名 | contact | phone | email | payment terms (days) | lead time (days). */
export const demoSupplierTable = `
HXF | Huaxin Fasteners Co., Ltd.     | 宁波华鑫紧固件有限公司 | 周建国 | 0574-8765-4321 | sales@huaxin-fasteners.example | 30 | 7
JGT | Jinggong Tool Works            | 精工工具制造厂         | 黄志强 | 0579-8512-3366 | orders@jinggong-tools.example  | 30 | 10
ABS | Anbao Safety Products          | 安保劳护用品有限公司   | 马丽   | 020-3456-7788  | service@anbao-safety.example   | 45 | 5
YLT | Yongli Tape & Electrical       | 永利胶带电工器材       | 吴刚   | 0769-2233-9090 | yongli@yongli-tape.example     | 30 | 4
`;

/** Customers, one a line: code | name | 中文名 | contact | phone | owner (Slack id) | payment terms (days) | credit limit. */
export const demoCustomerTable = `
HONGDA    | Shanghai Hongda Construction   | 上海宏达建设集团   | 钱海涛 | 021-6688-1200 | U0ZHAOLEI | 60 | 200000.00
MINGYANG  | Suzhou Mingyang Decoration     | 苏州明阳装饰工程   | 郑敏   | 0512-6555-8080 | U0ZHAOLEI | 30 | 50000.00
RUIFENG   | Hangzhou Ruifeng Machinery     | 杭州瑞丰机械       | 冯涛   | 0571-8899-2211 | U0AMY     | 45 | 80000.00
GUANGMING | Guangming Hardware Store       | 光明五金店         | 何师傅 | 138-1234-5678  | U0ZHAOLEI | 15 | 10000.00
METRO     | Nanjing Metro Maintenance      | 南京地铁维保中心   | 曹工   | 025-5201-3344  | U0AMY     | 90 | 300000.00
EASTLINE  | Eastline Shipyard              | 东线船厂           | 陆经理 | 0513-8111-6060 | U0AMY     | 60 | 150000.00
`;

/** Bins, nearest the door first: their position is the rank slotting will use. */
export const demoBinsByDistance: Record<string, readonly string[]> = {
  MAIN: [
    "A-01",
    "A-02",
    "A-03",
    "B-01",
    "B-02",
    "C-01",
    "C-02",
    "C-03",
    "C-04",
    "C-05",
    "D-01",
    "D-02",
    "D-03",
    "D-04",
  ],
  EAST: ["E-01", "E-02", "E-03"],
};

/** The warehouses' names as people say them. */
export const demoWarehouseNames: Record<string, { name: string; nameZh: string }> = {
  MAIN: { name: "Main warehouse", nameZh: "主仓" },
  EAST: { name: "East warehouse", nameZh: "东仓" },
};
