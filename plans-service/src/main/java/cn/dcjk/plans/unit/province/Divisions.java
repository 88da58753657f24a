package cn.dcjk.plans.unit.province;

import java.util.List;

/**
 * Shandong's prefecture-level cities and county-level divisions with their GB/T 2260 codes, as
 * they stand since the 2019 merger of Laiwu into Jinan and the 2020 merger of Changdao into
 * Penglai: 16 cities and 136 county-level divisions (58 districts, 26 county-level cities, 52 counties).
 */
public final class Divisions {

    private Divisions() {
    }

    /** 区, 县级市, 县. */
    public enum Type {
        DISTRICT("区", "District"), CITY("市", "City"), COUNTY("县", "County");

        final String zh;
        final String en;

        Type(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** A county-level division: code, name without its suffix, pinyin, type. */
    public record County(String code, String name, String pinyin, Type type) {

        /** 历下区, 滕州市, 平阴县. */
        public String fullName() {
            return name + type.zh;
        }
    }

    /** A prefecture-level city: code, name without 市, pinyin, its county-level divisions. */
    public record City(String code, String name, String pinyin, List<County> counties) {
    }

    static County d(String code, String name, String pinyin) {
        return new County(code, name, pinyin, Type.DISTRICT);
    }

    static County c(String code, String name, String pinyin) {
        return new County(code, name, pinyin, Type.CITY);
    }

    static County x(String code, String name, String pinyin) {
        return new County(code, name, pinyin, Type.COUNTY);
    }

    public static final List<City> CITIES = List.of(
            new City("370100", "济南", "Jinan", List.of(
                    d("370102", "历下", "Lixia"), d("370103", "市中", "Shizhong"), d("370104", "槐荫", "Huaiyin"),
                    d("370105", "天桥", "Tianqiao"), d("370112", "历城", "Licheng"), d("370113", "长清", "Changqing"),
                    d("370114", "章丘", "Zhangqiu"), d("370115", "济阳", "Jiyang"), d("370116", "莱芜", "Laiwu"),
                    d("370117", "钢城", "Gangcheng"), x("370124", "平阴", "Pingyin"), x("370126", "商河", "Shanghe"))),
            new City("370200", "青岛", "Qingdao", List.of(
                    d("370202", "市南", "Shinan"), d("370203", "市北", "Shibei"), d("370211", "黄岛", "Huangdao"),
                    d("370212", "崂山", "Laoshan"), d("370213", "李沧", "Licang"), d("370214", "城阳", "Chengyang"),
                    d("370215", "即墨", "Jimo"), c("370281", "胶州", "Jiaozhou"), c("370283", "平度", "Pingdu"),
                    c("370285", "莱西", "Laixi"))),
            new City("370300", "淄博", "Zibo", List.of(
                    d("370302", "淄川", "Zichuan"), d("370303", "张店", "Zhangdian"), d("370304", "博山", "Boshan"),
                    d("370305", "临淄", "Linzi"), d("370306", "周村", "Zhoucun"), x("370321", "桓台", "Huantai"),
                    x("370322", "高青", "Gaoqing"), x("370323", "沂源", "Yiyuan"))),
            new City("370400", "枣庄", "Zaozhuang", List.of(
                    d("370402", "市中", "Shizhong"), d("370403", "薛城", "Xuecheng"), d("370404", "峄城", "Yicheng"),
                    d("370405", "台儿庄", "Tai'erzhuang"), d("370406", "山亭", "Shanting"), c("370481", "滕州", "Tengzhou"))),
            new City("370500", "东营", "Dongying", List.of(
                    d("370502", "东营", "Dongying"), d("370503", "河口", "Hekou"), d("370505", "垦利", "Kenli"),
                    x("370522", "利津", "Lijin"), x("370523", "广饶", "Guangrao"))),
            new City("370600", "烟台", "Yantai", List.of(
                    d("370602", "芝罘", "Zhifu"), d("370611", "福山", "Fushan"), d("370612", "牟平", "Muping"),
                    d("370613", "莱山", "Laishan"), d("370614", "蓬莱", "Penglai"), c("370681", "龙口", "Longkou"),
                    c("370682", "莱阳", "Laiyang"), c("370683", "莱州", "Laizhou"), c("370685", "招远", "Zhaoyuan"),
                    c("370686", "栖霞", "Qixia"), c("370687", "海阳", "Haiyang"))),
            new City("370700", "潍坊", "Weifang", List.of(
                    d("370702", "潍城", "Weicheng"), d("370703", "寒亭", "Hanting"), d("370704", "坊子", "Fangzi"),
                    d("370705", "奎文", "Kuiwen"), x("370724", "临朐", "Linqu"), x("370725", "昌乐", "Changle"),
                    c("370781", "青州", "Qingzhou"), c("370782", "诸城", "Zhucheng"), c("370783", "寿光", "Shouguang"),
                    c("370784", "安丘", "Anqiu"), c("370785", "高密", "Gaomi"), c("370786", "昌邑", "Changyi"))),
            new City("370800", "济宁", "Jining", List.of(
                    d("370811", "任城", "Rencheng"), d("370812", "兖州", "Yanzhou"), x("370826", "微山", "Weishan"),
                    x("370827", "鱼台", "Yutai"), x("370828", "金乡", "Jinxiang"), x("370829", "嘉祥", "Jiaxiang"),
                    x("370830", "汶上", "Wenshang"), x("370831", "泗水", "Sishui"), x("370832", "梁山", "Liangshan"),
                    c("370881", "曲阜", "Qufu"), c("370883", "邹城", "Zoucheng"))),
            new City("370900", "泰安", "Tai'an", List.of(
                    d("370902", "泰山", "Taishan"), d("370911", "岱岳", "Daiyue"), x("370921", "宁阳", "Ningyang"),
                    x("370923", "东平", "Dongping"), c("370982", "新泰", "Xintai"), c("370983", "肥城", "Feicheng"))),
            new City("371000", "威海", "Weihai", List.of(
                    d("371002", "环翠", "Huancui"), d("371003", "文登", "Wendeng"), c("371082", "荣成", "Rongcheng"),
                    c("371083", "乳山", "Rushan"))),
            new City("371100", "日照", "Rizhao", List.of(
                    d("371102", "东港", "Donggang"), d("371103", "岚山", "Lanshan"), x("371121", "五莲", "Wulian"),
                    x("371122", "莒", "Ju"))),
            new City("371300", "临沂", "Linyi", List.of(
                    d("371302", "兰山", "Lanshan"), d("371311", "罗庄", "Luozhuang"), d("371312", "河东", "Hedong"),
                    x("371321", "沂南", "Yinan"), x("371322", "郯城", "Tancheng"), x("371323", "沂水", "Yishui"),
                    x("371324", "兰陵", "Lanling"), x("371325", "费", "Fei"), x("371326", "平邑", "Pingyi"),
                    x("371327", "莒南", "Junan"), x("371328", "蒙阴", "Mengyin"), x("371329", "临沭", "Linshu"))),
            new City("371400", "德州", "Dezhou", List.of(
                    d("371402", "德城", "Decheng"), d("371403", "陵城", "Lingcheng"), x("371422", "宁津", "Ningjin"),
                    x("371423", "庆云", "Qingyun"), x("371424", "临邑", "Linyi"), x("371425", "齐河", "Qihe"),
                    x("371426", "平原", "Pingyuan"), x("371427", "夏津", "Xiajin"), x("371428", "武城", "Wucheng"),
                    c("371481", "乐陵", "Laoling"), c("371482", "禹城", "Yucheng"))),
            new City("371500", "聊城", "Liaocheng", List.of(
                    d("371502", "东昌府", "Dongchangfu"), d("371503", "茌平", "Chiping"), x("371521", "阳谷", "Yanggu"),
                    x("371522", "莘", "Shen"), x("371524", "东阿", "Dong'e"), x("371525", "冠", "Guan"),
                    x("371526", "高唐", "Gaotang"), c("371581", "临清", "Linqing"))),
            new City("371600", "滨州", "Binzhou", List.of(
                    d("371602", "滨城", "Bincheng"), d("371603", "沾化", "Zhanhua"), x("371621", "惠民", "Huimin"),
                    x("371622", "阳信", "Yangxin"), x("371623", "无棣", "Wudi"), x("371625", "博兴", "Boxing"),
                    c("371681", "邹平", "Zouping"))),
            new City("371700", "菏泽", "Heze", List.of(
                    d("371702", "牡丹", "Mudan"), d("371703", "定陶", "Dingtao"), x("371721", "曹", "Cao"),
                    x("371722", "单", "Shan"), x("371723", "成武", "Chengwu"), x("371724", "巨野", "Juye"),
                    x("371725", "郓城", "Yuncheng"), x("371726", "鄄城", "Juancheng"), x("371728", "东明", "Dongming"))));
}
