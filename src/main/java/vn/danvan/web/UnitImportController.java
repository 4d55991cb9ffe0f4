package vn.danvan.web;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.danvan.identity.CurrentUsers;
import vn.danvan.orgunit.UnitFileRejectedException;
import vn.danvan.orgunit.UnitImport;
import vn.danvan.shared.NotFoundException;

/**
 * Upload of a unit file or a succession file by a system administrator (e.g. a new official list).
 * A file with problems is rejected whole and every problem is listed by row and column.
 */
@Controller
class UnitImportController {

    private final UnitImport unitImport;
    private final CurrentUsers users;

    UnitImportController(UnitImport unitImport, CurrentUsers users) {
        this.unitImport = unitImport;
        this.users = users;
    }

    @GetMapping("/admin/units/import")
    String form() {
        requireSystemAdmin();
        return "unit/import";
    }

    @PostMapping("/admin/units/import")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "UNITS") String type,
                  Model model, RedirectAttributes redirect) throws IOException {
        requireSystemAdmin();
        var name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload.csv" : file.getOriginalFilename();
        try {
            var result = type.equals("SUCCESSION")
                    ? unitImport.applySuccessionFile(name, file.getBytes())
                    : unitImport.applyUnitFile(name, file.getBytes());
            redirect.addFlashAttribute("imported", result);
            return "redirect:/admin/units/import";
        } catch (UnitFileRejectedException e) {
            model.addAttribute("rejected", e);
            model.addAttribute("type", type);
            return "unit/import";
        }
    }

    private void requireSystemAdmin() {
        if (!users.require().isSystemAdmin()) {
            throw new NotFoundException("page", "/admin/units/import");
        }
    }
}
