package id.pantau.report.internal;

import java.util.List;

import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reports")
class CategoryApi {

    private final Taxonomy taxonomy;

    CategoryApi(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    record CategoryView(String code, String kind, String labelId, String labelEn, List<String> smsKeywords,
                        List<Option> subcategories, List<Option> acts) {
    }

    record Option(String code, String labelId, String labelEn) {
    }

    @GetMapping("/api/v1/categories")
    @Operation(summary = "The report taxonomy: types with their subtypes (subcategory) and, for neutrality, acts")
    PageResult<CategoryView> categories() {
        return PageResult.all(taxonomy.types().stream().map(type -> new CategoryView(type.code(), type.kind(), type.labelId(),
                type.labelEn(), type.smsKeywords(), options(type.code(), "SUBTYPE"), options(type.code(), "ACT"))).toList());
    }

    private List<Option> options(String type, String facet) {
        return taxonomy.children(type, facet).stream().map(c -> new Option(c.code(), c.labelId(), c.labelEn())).toList();
    }
}
