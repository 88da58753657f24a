package cn.dcjk.plans.unit.province;

import cn.dcjk.plans.unit.Branch;

import java.util.List;

/** The standard bodies every level of Shandong has, beyond the committee, government, offices, discipline and organisation. */
final class Bodies {

    private Bodies() {
    }

    /**
     * A department: its code suffix, the side it belongs to, its Chinese name at the province and
     * below (厅 / 局), its English name at the province and below.
     */
    record Department(String code, Branch branch, String zhProvince, String zhLower, String enProvince, String enLower) {
    }

    static Department party(String code, String zh, String en) {
        return new Department(code, Branch.PARTY, zh, zh, en, en);
    }

    static Department gov(String code, String zhProvince, String zhLower, String enProvince, String enLower) {
        return new Department(code, Branch.GOVERNMENT, zhProvince, zhLower, enProvince, enLower);
    }

    static Department gov(String code, String zh, String en) {
        return new Department(code, Branch.GOVERNMENT, zh, zh, en, en);
    }

    /** Departments of the party committee and the government at province, city and county level. */
    static final List<Department> DEPARTMENTS = List.of(
            party("PROP", "宣传部", "Publicity Department"),
            party("UF", "统战部", "United Front Work Department"),
            party("POL", "政法委员会", "Political and Legal Affairs Commission"),
            party("EST", "机构编制委员会办公室", "Institutional Organisation Commission Office"),
            gov("EDU", "教育厅", "教育局", "Department of Education", "Education Bureau"),
            gov("ENV", "生态环境厅", "生态环境局", "Department of Ecology and Environment", "Ecology and Environment Bureau"),
            gov("EM", "应急管理厅", "应急管理局", "Department of Emergency Management", "Emergency Management Bureau"),
            gov("AG", "农业农村厅", "农业农村局", "Department of Agriculture and Rural Affairs",
                    "Agriculture and Rural Affairs Bureau"),
            gov("FIN", "财政厅", "财政局", "Department of Finance", "Finance Bureau"),
            gov("NR", "自然资源厅", "自然资源局", "Department of Natural Resources", "Natural Resources Bureau"),
            gov("DRC", "发展和改革委员会", "Development and Reform Commission"),
            gov("IT", "工业和信息化厅", "工业和信息化局", "Department of Industry and Information Technology",
                    "Industry and Information Technology Bureau"),
            gov("SCI", "科学技术厅", "科学技术局", "Department of Science and Technology", "Science and Technology Bureau"),
            gov("PS", "公安厅", "公安局", "Department of Public Security", "Public Security Bureau"),
            gov("CA", "民政厅", "民政局", "Department of Civil Affairs", "Civil Affairs Bureau"),
            gov("JUS", "司法厅", "司法局", "Department of Justice", "Justice Bureau"),
            gov("HR", "人力资源和社会保障厅", "人力资源和社会保障局", "Department of Human Resources and Social Security",
                    "Human Resources and Social Security Bureau"),
            gov("HOUS", "住房和城乡建设厅", "住房和城乡建设局", "Department of Housing and Urban-Rural Development",
                    "Housing and Urban-Rural Development Bureau"),
            gov("TRAN", "交通运输厅", "交通运输局", "Department of Transport", "Transport Bureau"),
            gov("WAT", "水利厅", "水利局", "Department of Water Resources", "Water Resources Bureau"),
            gov("COM", "商务厅", "商务局", "Department of Commerce", "Commerce Bureau"),
            gov("CUL", "文化和旅游厅", "文化和旅游局", "Department of Culture and Tourism", "Culture and Tourism Bureau"),
            gov("HEAL", "卫生健康委员会", "卫生健康局", "Health Commission", "Health Bureau"),
            gov("VET", "退役军人事务厅", "退役军人事务局", "Department of Veterans Affairs", "Veterans Affairs Bureau"),
            gov("AUD", "审计厅", "审计局", "Audit Office", "Audit Bureau"),
            gov("SASAC", "国有资产监督管理委员会", "State-owned Assets Supervision and Administration Commission"),
            gov("MR", "市场监督管理局", "Administration for Market Regulation"),
            gov("STAT", "统计局", "Statistics Bureau"),
            gov("MED", "医疗保障局", "Healthcare Security Administration"),
            gov("LET", "信访局", "Letters and Calls Bureau"),
            gov("SPORT", "体育局", "Sports Bureau"),
            gov("BD", "大数据局", "Big Data Bureau"));

    /** A township's or street's offices: code suffix, side, Chinese and English name. */
    record Office(String code, Branch branch, String zh, String en) {
    }

    static final List<Office> TOWNSHIP_OFFICES = List.of(
            new Office("PB", Branch.PARTY, "党建工作办公室", "Party Building Office"),
            new Office("ECON", Branch.GOVERNMENT, "经济发展办公室", "Economic Development Office"),
            new Office("SOC", Branch.GOVERNMENT, "社会事务办公室", "Social Affairs Office"),
            new Office("EM", Branch.GOVERNMENT, "应急管理办公室", "Emergency Management Office"),
            new Office("ENF", Branch.GOVERNMENT, "综合行政执法办公室", "Comprehensive Law Enforcement Office"));

    /** A place name in Chinese and pinyin. */
    record Name(String zh, String pinyin) {
    }

    /** Street (街道) names, used in turn per county so none repeats within it. */
    static final List<Name> STREETS = List.of(
            new Name("文化路", "Wenhualu"), new Name("人民路", "Renminlu"), new Name("建设路", "Jianshelu"),
            new Name("和平路", "Hepinglu"), new Name("胜利", "Shengli"), new Name("新华", "Xinhua"),
            new Name("东关", "Dongguan"), new Name("西关", "Xiguan"), new Name("南关", "Nanguan"),
            new Name("北关", "Beiguan"), new Name("城东", "Chengdong"), new Name("城西", "Chengxi"),
            new Name("城南", "Chengnan"), new Name("城北", "Chengbei"), new Name("振兴", "Zhenxing"),
            new Name("青年路", "Qingnianlu"), new Name("花园路", "Huayuanlu"), new Name("幸福", "Xingfu"),
            new Name("团结", "Tuanjie"), new Name("龙山", "Longshan"), new Name("凤凰", "Fenghuang"),
            new Name("金山", "Jinshan"), new Name("银河", "Yinhe"), new Name("长安", "Chang'an"),
            new Name("滨河", "Binhe"), new Name("湖滨", "Hubin"), new Name("泉城", "Quancheng"),
            new Name("府前", "Fuqian"), new Name("古城", "Gucheng"), new Name("东城", "Dongcheng"),
            new Name("西城", "Xicheng"), new Name("开元", "Kaiyuan"), new Name("中心", "Zhongxin"),
            new Name("友谊", "Youyi"), new Name("光明", "Guangming"), new Name("新城", "Xincheng"),
            new Name("站前", "Zhanqian"), new Name("运河", "Yunhe"), new Name("海滨", "Haibin"));

    /** First characters of town names (mostly surnames, as Shandong's towns often are). */
    static final List<Name> TOWN_HEADS = List.of(
            new Name("王", "Wang"), new Name("李", "Li"), new Name("张", "Zhang"), new Name("刘", "Liu"),
            new Name("孙", "Sun"), new Name("赵", "Zhao"), new Name("马", "Ma"), new Name("杨", "Yang"),
            new Name("高", "Gao"), new Name("郭", "Guo"), new Name("徐", "Xu"), new Name("朱", "Zhu"),
            new Name("田", "Tian"), new Name("丁", "Ding"), new Name("韩", "Han"), new Name("曹", "Cao"),
            new Name("石", "Shi"), new Name("柳", "Liu"), new Name("黄", "Huang"), new Name("白", "Bai"),
            new Name("孟", "Meng"), new Name("侯", "Hou"), new Name("崔", "Cui"), new Name("宋", "Song"),
            new Name("董", "Dong"), new Name("于", "Yu"), new Name("吕", "Lü"), new Name("姜", "Jiang"),
            new Name("郝", "Hao"), new Name("庞", "Pang"), new Name("牛", "Niu"));

    /** Last characters of town names. */
    static final List<Name> TOWN_TAILS = List.of(
            new Name("庄", "zhuang"), new Name("集", "ji"), new Name("店", "dian"), new Name("楼", "lou"),
            new Name("屯", "tun"), new Name("营", "ying"), new Name("桥", "qiao"), new Name("口", "kou"),
            new Name("官", "guan"), new Name("寨", "zhai"), new Name("埠", "bu"), new Name("疃", "tuan"),
            new Name("峪", "yu"));
}
