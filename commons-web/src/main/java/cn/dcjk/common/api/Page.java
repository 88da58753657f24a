package cn.dcjk.common.api;

import java.util.List;

/** One page of a list: the items, the page asked (from 0), its size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;
}
